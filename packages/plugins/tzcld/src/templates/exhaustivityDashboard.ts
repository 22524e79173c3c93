import { tablePresets } from '@canevas/core';
import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const exhaustivityDashboardTemplate: TemplateInput = {
  id: TEMPLATE.dashboard,
  title: "Tableau de bord d’exhaustivité territoriale",
  description:
    "Annexe du dossier (CP4) : diagnostic de la privation d’emploi sur le territoire, indicateurs de suivi de l’exhaustivité et d’évaluation du plan d’actions, suivi/reporting auprès des parties prenantes, écarts et ajustements.",
  modality: MODALITY.annexes,
  sections: [
    {
      id: 'diagnostic',
      heading: "Diagnostic de la privation d’emploi",
      prompt:
        "Explicitez la méthode de diagnostic : sources de données (service public de l’emploi, collectivités, associations), repérage des personnes qui ne sont pas identifiées par les services publics, rencontres individuelles et collectives ; présentez ses résultats (CP4-C1).",
      nodes: ['cp4-c1'],
    },
    {
      id: 'strategie',
      heading: "Stratégie d’atteinte de l’exhaustivité",
      prompt:
        "Montrez comment le diagnostic fonde une stratégie pour garantir l’accès à l’emploi de toutes les personnes qui en sont durablement privées sur le territoire : étapes, publics prioritaires, partenaires mobilisés (CP4-C1).",
      nodes: ['cp4-c1'],
    },
    {
      id: 'indicateurs',
      heading: "Indicateurs de suivi et d’évaluation",
      prompt:
        "Une ligne par indicateur, avec sa cible, le réalisé et l’écart : indicateurs de suivi spécifiques de l’exhaustivité (personnes privées durablement d’emploi identifiées, rencontrées, volontaires, en emploi) et indicateurs d’évaluation déterminés localement pour les grands objectifs du plan d’actions (CP4-C1, CP4-C2).",
      nodes: ['cp4-c1', 'cp4-c2'],
      table: tablePresets.indicators,
    },
    {
      id: 'suivi-reporting',
      heading: 'Suivi et reporting',
      prompt:
        "Précisez qui renseigne le tableau de bord, à quelle fréquence, et comment les résultats sont présentés aux parties prenantes (comité local pour l’emploi, financeurs, élus) (CP4-C2).",
      nodes: ['cp4-c2'],
    },
    {
      id: 'ecarts-ajustements',
      heading: 'Écarts et ajustements',
      prompt:
        "Commentez les écarts entre objectifs et résultats obtenus, les dysfonctionnements et problématiques rencontrés dans la mise en œuvre, et proposez des ajustements au plan d’actions (CP4-C3).",
      nodes: ['cp4-c3'],
    },
  ],
};
