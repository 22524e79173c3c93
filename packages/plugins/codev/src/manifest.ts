import { defineReferential } from '@canevas/core';
import { codevNodes } from './nodes.js';
import { codevRules } from './rules.js';
import { codevTemplates } from './templates/index.js';

export const codevReferential = defineReferential({
  id: 'codev',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: "Codéveloppement et coopération territoriale pour l’emploi",
  shortTitle: 'Codéveloppement',
  kind: 'method',
  lang: 'fr',
  description:
    "La méthode de codéveloppement en six étapes, pour réfléchir et améliorer avec d’autres sa pratique professionnelle, et trois études de cas territoriales (plateforme de partage de compétences, GPECT, mobilisation TZCLD) présentées lors d’un webinaire sur la coopération locale entre acteurs de l’emploi, de l’insertion et de la formation. Rien n’y est évalué : les modèles guident une séance et la suite d’une démarche.",
  source: {
    document:
      "Compte rendu du webinaire/atelier « Passage à l’action ! » — « Comment mieux coopérer localement entre acteurs de l’emploi, de l’insertion et de la formation ? », 15 juin 2021, cycle « Dynamiques territoriales pour l’emploi »",
    issuer: 'Pays et Quartiers de Nouvelle-Aquitaine (PQN-A)',
    url: 'https://www.pqn-a.fr',
  },
  scales: [],
  nodes: codevNodes,
  modalities: [],
  templates: codevTemplates,
  rules: codevRules,
  policy: {
    assessorRoles: ['tutor'],
    selfAssess: false,
    signOff: 'committee',
    decision: { type: 'none', description: 'Une méthode de travail : aucune décision, aucun critère évalué.' },
  },
});
