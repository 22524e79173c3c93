import { defineReferential } from '@canevas/core';
import { cefiModalities } from './modalities.js';
import { cefiNodes } from './nodes.js';
import { cefiRules } from './rules.js';
import { acquisitionScale } from './scales.js';
import { cefiTemplates } from './templates/index.js';

export const cefiReferential = defineReferential({
  id: 'cefi',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: 'Conseiller emploi formation insertion (CEFI)',
  shortTitle: 'CEFI',
  kind: 'certification',
  lang: 'fr',
  description:
    "Titre de conseiller emploi formation insertion : référentiels d’activités, de compétences et d’évaluation en trois blocs de compétences — accompagnement des personnes dans l’élaboration de leur projet et de leur parcours d’insertion ; conseil auprès des entreprises et des personnes en vue de favoriser l’intermédiation vers l’emploi ; participation à l’élaboration et la mise en œuvre de projets ou d’actions en faveur de l’insertion.",
  source: {
    document:
      "Conseiller emploi formation insertion (CEFI) — référentiel d’activités, référentiel de compétences et référentiel d’évaluation (modalités et critères d’évaluation)",
  },
  scales: [acquisitionScale],
  nodes: cefiNodes,
  modalities: cefiModalities,
  templates: cefiTemplates,
  rules: cefiRules,
  policy: {
    assessorRoles: ['tutor'],
    selfAssess: false,
    signOff: 'jury',
    decision: {
      type: 'all_assessable_proficient',
      description:
        "Le référentiel ne fixe pas de seuil : par défaut, chaque critère d’évaluation doit être au moins « Acquis » ; le jury se prononce sur chaque bloc de compétences.",
    },
  },
});
