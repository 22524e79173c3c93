import { defineReferential } from '@canevas/core';
import { VALIDATION_CONDITION } from './ids.js';
import { anpeModalities } from './modalities.js';
import { anpeNodes } from './nodes.js';
import { anpeRules } from './rules.js';
import { masteryScale } from './scales.js';
import { anpeTemplates } from './templates/index.js';

export const anpeReferential = defineReferential({
  id: 'anpe',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: 'Conseiller chargé de projet emploi — validation interne des compétences et d’acquis professionnels',
  shortTitle: 'ANPE — chargé de projet emploi',
  kind: 'internal_validation',
  lang: 'fr',
  description:
    "Référentiel de validation interne de l’emploi repère « Conseiller chargé de projet emploi » (filière conseil à l’emploi, niveau IVA). Il permet d’évaluer les compétences et les acquis professionnels, donne des éléments de contenu de l’emploi et précise les critères objectifs qui orientent la constitution du dossier de validation et fondent la décision de la commission régionale de validation. La validation s’effectue à partir de l’analyse de la pratique professionnelle au regard des trois compétences clefs, des acquis formalisés de la formation et de l’expérience, et de l’attestation du responsable ; elle s’appuie sur le dossier écrit et, le cas échéant, sur l’entretien.",
  source: {
    document:
      "Le référentiel de validation interne des compétences et d’acquis professionnels — Conseiller chargé de projet emploi, filière conseil à l’emploi",
    issuer: 'ANPE',
  },
  scales: [masteryScale],
  nodes: anpeNodes,
  modalities: anpeModalities,
  templates: anpeTemplates,
  rules: anpeRules,
  policy: {
    assessorRoles: ['tutor'],
    selfAssess: false,
    signOff: 'commission',
    decision: { type: 'all_key_mastered', description: VALIDATION_CONDITION },
  },
});
