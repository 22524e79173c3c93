import { tablePresets } from '@canevas/core';
import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const communicationPlanTemplate: TemplateInput = {
  id: TEMPLATE.communication,
  title: 'Plan de communication',
  description:
    "Annexe du dossier (CP1) : un plan de communication complet comporte des objectifs SMART, plusieurs cibles, divers canaux, outils et événements, un planning de mise en œuvre, un budget et des indicateurs d’évaluation.",
  modality: MODALITY.annexes,
  sections: [
    {
      id: 'objectifs',
      heading: 'Objectifs',
      prompt:
        "Formulez des objectifs SMART (spécifiques, mesurables, atteignables, réalistes, temporellement définis) : faire connaître le projet, emporter l’adhésion des élus, mobiliser les personnes privées durablement d’emploi, recruter des partenaires… Chacun doit pouvoir être suivi par un indicateur (CP1-C3).",
      nodes: ['cp1-c3'],
    },
    {
      id: 'cibles',
      heading: 'Cibles',
      prompt:
        "Listez les destinataires (élus, services de l’État, service public de l’emploi, entreprises, associations, structures de l’insertion et du secteur protégé et adapté, citoyens, personnes privées durablement d’emploi…) et, pour chacun, ses intérêts et les messages qui portent les convictions du projet. Indiquez les besoins des personnes en situation de handicap (CP1-C1, CP1-C2).",
      nodes: ['cp1-c1', 'cp1-c2', 'cp1-c3'],
    },
    {
      id: 'canaux',
      heading: 'Canaux',
      prompt:
        "Précisez les canaux retenus pour chaque cible (rencontres, presse locale, bulletins municipaux, réseaux sociaux, affichage, bouche-à-oreille par des personnes-ressources…) et pourquoi ils sont adaptés (CP1-C2, CP1-C3).",
      nodes: ['cp1-c2', 'cp1-c3'],
    },
    {
      id: 'outils-evenements',
      heading: 'Outils et événements',
      prompt:
        "Décrivez les outils (plaquette, vidéo, site, exposition…) et les événements prévus, en intégrant des événements nationaux et locaux de promotion de l’emploi des personnes qui en sont durablement privées. Dites comment vous les rendez accessibles aux personnes en situation de handicap : facile à lire et à comprendre, sous-titrage, lieux accessibles (CP1-C2 à CP1-C4).",
      nodes: ['cp1-c2', 'cp1-c3', 'cp1-c4'],
    },
    {
      id: 'planning',
      heading: 'Planning de mise en œuvre',
      prompt: 'Échelonnez les actions de communication : une ligne par action ou événement, avec sa cible, son canal, sa date et son responsable (CP1-C3).',
      nodes: ['cp1-c3'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'action', label: 'Action ou événement', type: 'text', required: true },
          { id: 'cible', label: 'Cible', type: 'text' },
          { id: 'canal', label: 'Canal', type: 'text' },
          { id: 'date', label: 'Date', type: 'date', required: true },
          { id: 'responsable', label: 'Responsable', type: 'text' },
        ],
      },
    },
    {
      id: 'budget',
      heading: 'Budget',
      prompt: 'Chiffrez les charges de la communication (conception, impression, événements, accessibilité) et les produits qui les financent (CP1-C3).',
      nodes: ['cp1-c3'],
      table: tablePresets.budget,
    },
    {
      id: 'indicateurs',
      heading: "Indicateurs d’évaluation",
      prompt:
        "Associez à chaque objectif un indicateur et sa cible : nombre de personnes touchées par cible, participants aux événements, partenaires engagés, personnes privées durablement d’emploi venues à une rencontre… (CP1-C3).",
      nodes: ['cp1-c3'],
      table: tablePresets.indicators,
    },
  ],
};
