import { defineReferential } from '@canevas/core';
import { tzcldModalities } from './modalities.js';
import { criterionIds, tzcldNodes } from './nodes.js';
import { tzcldRules } from './rules.js';
import { acquisitionScale } from './scales.js';
import { TEMPLATE, tzcldTemplates } from './templates/index.js';

export const tzcldReferential = defineReferential({
  id: 'tzcld',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title:
    "Développer un projet de coopération territoriale garantissant l’accès à l’emploi des personnes qui en sont durablement privées",
  shortTitle: 'TZCLD — coopération territoriale',
  kind: 'certification',
  lang: 'fr',
  description:
    "Certification de compétences destinée à tout professionnel ou professionnelle du réseau pour l’emploi, des collectivités et des associations qui pilote un projet visant à garantir l’accès à l’emploi des personnes qui en sont durablement privées à une échelle locale. Ces projets nécessitent la coopération des parties prenantes du territoire (collectivités territoriales, services de l’État, élus locaux, citoyens, personnes privées durablement d’emploi, service public de l’emploi, structures du secteur protégé et adapté, structures de l’insertion par l’activité économique, associations, entreprises) et s’appuient en particulier sur l’organisation proposée par la démarche Territoires zéro chômeur de longue durée (TZCLD), dans un contexte multi-partenarial.",
  source: {
    document:
      "Référentiel de compétences et de certification « Développer un projet de coopération territoriale garantissant l’accès à l’emploi des personnes qui en sont durablement privées »",
  },
  scales: [acquisitionScale],
  nodes: tzcldNodes,
  modalities: tzcldModalities(criterionIds, {
    dossier: [TEMPLATE.dossier],
    annexes: [TEMPLATE.communication, TEMPLATE.actionPlan, TEMPLATE.budget, TEMPLATE.stakeholders, TEMPLATE.dashboard],
    oral: [TEMPLATE.pitch],
  }),
  templates: tzcldTemplates,
  rules: tzcldRules,
  policy: {
    assessorRoles: ['tutor'],
    selfAssess: false,
    signOff: 'jury',
    decision: {
      type: 'all_assessable_proficient',
      description: 'Chaque critère doit être au moins « Acquis » ; le jury prononce la certification.',
    },
  },
});

