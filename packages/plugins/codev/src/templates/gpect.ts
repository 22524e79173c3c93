import { stakeholdersStartingWith } from '../tables.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const gpectTemplate: TemplateInput = {
  id: TEMPLATE.gpect,
  title: 'Démarche GPECT',
  description:
    "Passer du diagnostic d’une gestion prévisionnelle des emplois et des compétences territoriale (GPECT) à l’action en mobilisant l’ensemble des parties prenantes, d’après les points clés de l’atelier 2 (PETR de la Vallée de la Dordogne Corrézienne).",
  sections: [
    {
      id: 'contexte',
      heading: 'Contexte du territoire',
      prompt:
        "Caractérisez le territoire : densité et évolution de la population, emploi salarié, spécialisation sectorielle, poids des TPE. Précisez le périmètre de la GPECT (transversale ou par filière) et ce qu’elle vise : accorder les ressources humaines locales aux besoins des acteurs économiques, en tenant compte des entreprises (recrutement), du territoire (attractivité) et des individus (formation initiale et continue).",
      nodes: ['atelier-2'],
    },
    {
      id: 'diagnostic',
      heading: 'Diagnostic emploi-compétences',
      prompt:
        "Résumez les travaux du diagnostic (questionnaire auprès des entreprises, entretiens semi-directifs, échanges avec les partenaires et personnes ressources, données statistiques) et ses constats. Prévoyez de l’actualiser en continu : les constats évoluent, notamment en contexte de crise.",
      nodes: ['atelier-2'],
    },
    {
      id: 'existant',
      heading: "Identifier l’existant sur le territoire",
      prompt:
        "Appuyez-vous sur les données statistiques pour justifier les actions, et sur les partenaires pour connaître leurs actions et les enrichir par la démarche : c’est les valoriser et éviter la concurrence. Une ligne par partenaire, avec son niveau d’implication.",
      nodes: ['atelier-2'],
      table: stakeholdersStartingWith([
        'Élus',
        "Acteurs de l’emploi et de l’insertion",
        "Structures de l’insertion par l’activité économique",
        "Chefs d’entreprise",
        "Demandeurs d’emploi",
      ]),
    },
    {
      id: 'groupes-travail',
      heading: 'Groupes de travail thématiques',
      prompt:
        "Constituez des groupes par thématique prioritaire en mêlant une diversité d’acteurs (élus, acteurs de l’emploi et de l’insertion, chefs d’entreprise, demandeurs d’emploi) ; rapprochez les besoins des structures de l’insertion et des demandeurs d’emploi de ceux des entreprises ; responsabilisez les parties prenantes, par exemple en leur confiant la co-animation d’ateliers.",
      nodes: ['atelier-2'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'thematique', label: 'Thématique', type: 'text', required: true },
          { id: 'co-animateurs', label: 'Co-animation', type: 'text' },
          { id: 'participants', label: 'Participants', type: 'text' },
          { id: 'prochaine-reunion', label: 'Prochaine réunion', type: 'date' },
        ],
      },
    },
    {
      id: 'engagement',
      heading: "Maintenir l’engagement des entreprises et des partenaires",
      prompt:
        "Partez de leur intérêt : produisez régulièrement des actions concrètes dont ils bénéficient (job dating…), entretenez la convivialité par des techniques d’animation originales (jeux, constructions empiriques) et des événements entre partenaires (petits déjeuners, soirées).",
      nodes: ['atelier-2'],
    },
    {
      id: 'plan-actions',
      heading: "Plan d’actions priorisé et échelonné",
      prompt:
        "Les champs d’action sont énormes : définissez des étapes, priorisez les actions et échelonnez-les au fur et à mesure de l’avancement. Une ligne par action, rattachée à son groupe de travail.",
      nodes: ['atelier-2'],
      table: {
        kind: 'action_plan',
        columns: [
          { id: 'action', label: 'Action', type: 'text', required: true },
          { id: 'thematique', label: 'Groupe de travail', type: 'text' },
          { id: 'priorite', label: 'Priorité', type: 'number', required: true },
          { id: 'responsable', label: 'Responsable', type: 'text' },
          { id: 'echeance', label: 'Échéance', type: 'date' },
        ],
      },
    },
  ],
};
