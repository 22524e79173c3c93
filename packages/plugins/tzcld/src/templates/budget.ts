import { FUNDING_SOURCES, tablePresets } from '@canevas/core';
import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

/** Steps of a funding lead in the watch tool, from spotted to decided. */
export const FUNDING_WATCH_STATUSES = ['Repérée', "À l’étude", 'Dossier en préparation', 'Déposée', 'Accordée', 'Refusée'] as const;

export const budgetTemplate: TemplateInput = {
  id: TEMPLATE.budget,
  title: 'Budget et veille financements',
  description:
    "Annexe du dossier (CP2) : les besoins de financement du projet sous la forme d’un budget (charges et produits) et l’outil de veille sur les sources de financement — partenariats, mécénat, appels à projets, subventions publiques.",
  modality: MODALITY.annexes,
  sections: [
    {
      id: 'besoins',
      heading: 'Besoins de financement',
      prompt:
        "Présentez les besoins de financement pour développer le projet sur le territoire : période couverte, postes principaux (ingénierie de projet, animation, communication, locaux…), hypothèses retenues (CP2-C3).",
      nodes: ['cp2-c3'],
    },
    {
      id: 'budget',
      heading: 'Budget prévisionnel (charges et produits)',
      prompt:
        "Une ligne par poste : nature « Charge » ou « Produit », montant, et pour chaque produit sa source de financement (partenariat, mécénat, appel à projets, subvention publique). Le total des produits doit couvrir celui des charges (CP2-C3).",
      nodes: ['cp2-c3'],
      table: tablePresets.budget,
    },
    {
      id: 'ecart',
      heading: "Explication de l’écart entre charges et produits",
      prompt:
        "Si le budget n’est pas équilibré, expliquez l’écart : financements en attente de réponse, part restant à trouver, contributions en nature non valorisées…",
    },
    {
      id: 'methode-veille',
      heading: 'Méthode de veille sur les sources de financement',
      prompt:
        "Exposez comment vous repérez et suivez les financements : sources consultées (partenariats, mécénat, appels à projets, subventions publiques), fréquence, personnes chargées de la veille, manière de décider d’une candidature (CP2-C3).",
      nodes: ['cp2-c3'],
    },
    {
      id: 'outil-veille',
      heading: 'Outil de veille financements',
      prompt: "Une ligne par piste de financement : type de source, financeur, dispositif, montant visé, échéance de dépôt et état d’avancement (CP2-C3).",
      nodes: ['cp2-c3'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'source', label: 'Type de source', type: 'enum', enum: [...FUNDING_SOURCES], required: true },
          { id: 'financeur', label: 'Financeur', type: 'text', required: true },
          { id: 'dispositif', label: 'Dispositif ou appel', type: 'text' },
          { id: 'montant', label: 'Montant visé', type: 'eur' },
          { id: 'echeance', label: 'Échéance de dépôt', type: 'date' },
          { id: 'etat', label: 'État', type: 'enum', enum: [...FUNDING_WATCH_STATUSES] },
        ],
      },
    },
  ],
};
