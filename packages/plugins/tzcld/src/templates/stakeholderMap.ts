import { tablePresets } from '@canevas/core';
import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

/** The parties prenantes whose cooperation the certification's description says these projects need. */
export const STAKEHOLDER_TYPES = [
  'Collectivités territoriales',
  "Services de l’État",
  'Élus locaux',
  'Citoyens',
  "Personnes privées durablement d’emploi",
  "Service public de l’emploi",
  'Structures du secteur protégé et adapté',
  "Structures de l’insertion par l’activité économique",
  'Associations',
  'Entreprises',
] as const;

export const stakeholderMapTemplate: TemplateInput = {
  id: TEMPLATE.stakeholders,
  title: 'Cartographie des parties prenantes',
  description:
    "Annexe du dossier (CP3) : l’outil de recensement des acteurs et actrices du territoire, qui qualifie le niveau d’implication de chaque partie prenante (d’absent à actif), avec l’analyse des freins et des leviers d’actions.",
  modality: MODALITY.annexes,
  sections: [
    {
      id: 'methode',
      heading: 'Méthode de recensement',
      prompt:
        "Expliquez comment vous avez identifié les parties prenantes du territoire (sources, entretiens, réunions) et comment vous qualifiez leur niveau d’implication (CP3-C1).",
      nodes: ['cp3-c1'],
    },
    {
      id: 'cartographie',
      heading: 'Cartographie',
      prompt:
        "Une ligne par acteur ou actrice : nommez-le, gardez son type, qualifiez son niveau d’implication (Absent, Informé, Consulté, Associé, Actif) et son rôle dans le projet. Les lignes proposées reprennent les parties prenantes citées par le référentiel ; dupliquez-les autant que nécessaire (CP3-C1).",
      nodes: ['cp3-c1'],
      table: {
        ...tablePresets.stakeholders,
        rows: STAKEHOLDER_TYPES.map((type) => ({ acteur: '', type, implication: '', role: '' })),
      },
    },
    {
      id: 'freins-leviers',
      heading: "Freins et leviers d’actions",
      prompt:
        "Pour les principales parties prenantes, analysez ce qui freine leur implication et les leviers d’actions pour la renforcer (intérêts, calendrier, moyens, représentations du chômage de longue durée).",
      nodes: ['cp3'],
    },
    {
      id: 'participation',
      heading: 'Stratégies de participation',
      prompt:
        "Exposez les stratégies et actions qui suscitent la participation des parties prenantes, et en particulier des personnes privées durablement d’emploi : aller vers, personnes-ressources, place dans le comité local pour l’emploi et ses commissions (CP3-C2).",
      nodes: ['cp3-c2'],
    },
    {
      id: 'modalites-cooperation',
      heading: 'Modalités de coopération',
      prompt:
        "Décrivez les espaces ad hoc de co-construction proposés à chaque partie prenante, leur calendrier et leurs sujets : stratégie d’atteinte de l’exhaustivité, définition et qualification de la privation durable d’emploi, supplémentarité des emplois (CP3-C3).",
      nodes: ['cp3-c3'],
    },
  ],
};
