import { tablePresets } from '@canevas/core';
import { MODALITY } from '../modalities.js';
import { TZCLD_PHASES } from '../phases.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const actionPlanTemplate: TemplateInput = {
  id: TEMPLATE.actionPlan,
  title: "Plan d’actions",
  description:
    "Annexe du dossier (CP2, CP3, CP4) : plan d’actions échéancé, structuré selon les quatre phases de la méthode projet TZCLD, priorisé selon les objectifs stratégiques et le contexte du territoire, qui décrit les responsabilités, rôles et missions des parties prenantes.",
  modality: MODALITY.annexes,
  sections: [
    {
      id: 'objectifs-strategiques',
      heading: 'Objectifs stratégiques et contexte du territoire',
      prompt:
        "Rappelez les objectifs stratégiques du territoire et les éléments de contexte qui orientent le plan : nombre estimé de personnes privées durablement d’emploi, partenaires déjà engagés, ressources disponibles, calendrier de la démarche (CP2-C2).",
      nodes: ['cp2-c2'],
    },
    {
      id: 'actions',
      heading: 'Actions par phase de la méthode TZCLD',
      prompt:
        "Une ligne par action, rattachée à l’une des quatre phases : fabrique et animation du consensus ; rencontre et mobilisation des personnes privées durablement d’emploi ; identification des travaux utiles ; ouverture des entreprises à but d’emploi (si pertinent — sinon une ligne qui dit pourquoi). Indiquez le responsable, les dates et l’indicateur de chaque action (CP2-C1, CP3-C4).",
      nodes: ['cp2-c1', 'cp3-c4'],
      table: tablePresets.actionPlan(TZCLD_PHASES),
    },
    {
      id: 'priorisation',
      heading: 'Priorisation et échéancier',
      prompt:
        "Expliquez l’ordre de priorité des actions et leur échelonnement dans le temps au regard des objectifs stratégiques et du contexte du territoire (CP2-C2).",
      nodes: ['cp2-c2'],
    },
    {
      id: 'moyens',
      heading: 'Moyens humains, matériels et financiers',
      prompt:
        "Précisez les moyens mobilisés pour chaque phase : temps de chef ou cheffe de projet, bénévoles, locaux, matériel, financements ; renvoyez au budget et à l’outil de veille financements (CP2-C3).",
      nodes: ['cp2-c3'],
    },
    {
      id: 'roles',
      heading: 'Responsabilités, rôles et missions des parties prenantes',
      prompt:
        "Pour chaque partie prenante (collectivités, comité local pour l’emploi, service public de l’emploi, associations, entreprises, personnes privées durablement d’emploi…), décrivez ses responsabilités, son rôle et ses missions dans le plan (CP3-C4).",
      nodes: ['cp3-c4'],
    },
    {
      id: 'espaces-co-construction',
      heading: 'Espaces de co-construction planifiés',
      prompt:
        "Planifiez les espaces ad hoc de co-construction (comité local pour l’emploi, commissions, ateliers) et ce qu’ils traitent : stratégie d’atteinte de l’exhaustivité, définition et qualification de la privation durable d’emploi, supplémentarité des emplois (CP3-C3).",
      nodes: ['cp3-c3'],
    },
    {
      id: 'indicateurs',
      heading: "Indicateurs d’évaluation du plan",
      prompt:
        "Déterminez localement les indicateurs qui mesurent l’atteinte des grands objectifs du plan d’actions, avec une cible et une échéance pour chacun (CP4-C2).",
      nodes: ['cp4-c2'],
      table: tablePresets.indicators,
    },
  ],
};
