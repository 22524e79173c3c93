import { stakeholdersStartingWith } from '../tables.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const platformTemplate: TemplateInput = {
  id: TEMPLATE.platform,
  title: 'Plateforme de partage de compétences',
  description:
    "Valoriser une plateforme de partage de compétences et mieux communiquer auprès des entreprises, d’après les points clés de l’atelier 1 (plateforme Connect'ences, Pays Bassin d’Arcachon-Val de l’Eyre).",
  sections: [
    {
      id: 'projet',
      heading: 'Le projet et les besoins auxquels il répond',
      prompt:
        "Décrivez la naissance de la plateforme : besoins des entreprises identifiés (par exemple dans une GPECT), offre déjà présente sur le territoire (groupements d’employeurs…), périmètre (intercommunalités, entreprises visées, niveaux d’emploi).",
      nodes: ['atelier-1'],
    },
    {
      id: 'plus-value',
      heading: 'Fonctionnement et plus-value',
      prompt:
        "Expliquez comment la plateforme fonctionne (repérage des besoins à temps partagé, réseau d’opérateurs, réorientation vers d’autres partenaires, CVthèque) et ce qu’elle apporte de plus que les autres plateformes de mise en relation (Pôle emploi, Région…) : comment ces plateformes dialoguent-elles ? Clarifiez le terme « plateforme », qui fait penser à un outil numérique.",
      nodes: ['atelier-1'],
    },
    {
      id: 'interet-entreprises',
      heading: "Prouver l’intérêt de la plateforme pour les entreprises",
      prompt:
        "Montrez en direct aux entreprises comment mobiliser concrètement la plateforme ; apportez du contenu sur les sujets importants pour les TPE, au-delà des compétences partagées (aides disponibles, plan de relance) ; recueillez des témoignages de structures qui en ont bénéficié.",
      nodes: ['atelier-1'],
    },
    {
      id: 'besoins-territoire',
      heading: 'Analyser les besoins du territoire',
      prompt:
        "Décrivez comment la plateforme sert d’observatoire : veille permanente pour faire remonter aux intercommunalités les besoins du territoire à un instant T, suivi de proximité et points réguliers avec les entreprises, repérage des dispositifs existants et de ce qui se fait ailleurs (qui fait quoi ?).",
      nodes: ['atelier-1'],
    },
    {
      id: 'coordination',
      heading: 'Coordonner les partenaires',
      prompt:
        "Listez les partenaires (Pôle emploi, Mission locale, Cap emploi…) réunis régulièrement pour « ne former qu’un » : partager et relayer ses actions, offrir aux entreprises un interlocuteur unique sur un lieu commun, garantir une cohérence d’ensemble.",
      nodes: ['atelier-1'],
      table: stakeholdersStartingWith(['Pôle emploi', 'Mission locale', 'Cap emploi', 'Intercommunalités', "Groupements d’employeurs"]),
    },
    {
      id: 'evenements',
      heading: 'Événements et prospection',
      prompt:
        "Planifiez des webinaires récurrents et des temps forts où tous types d’entreprises sont invités aux côtés des partenaires (sur le modèle des « petits déjeuners de l’éco » de l’agglomération d’Agen), et la démarche d'« aller vers » les très petites entreprises par le porte-à-porte et le téléphone. Veillez à ne pas sur-solliciter les entreprises.",
      nodes: ['atelier-1'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'evenement', label: 'Événement ou action', type: 'text', required: true },
          { id: 'public', label: 'Entreprises et partenaires invités', type: 'text' },
          { id: 'date', label: 'Date', type: 'date' },
          { id: 'frequence', label: 'Fréquence', type: 'text' },
        ],
      },
    },
  ],
};
