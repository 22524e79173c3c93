import { defineReferential } from '@canevas/core';
import { fiches } from './fiches/index.js';
import { APPLICATION_MODALITY } from './ids.js';
import { pdieNodes } from './nodes.js';
import { pdieRules } from './rules.js';
import { conformityScale } from './scales.js';
import { pdieTemplates } from './templates.js';

export const pdieReferential = defineReferential({
  id: 'pdie',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: "Programme départemental d’insertion et d’emploi (PDIE) de la Seine-Saint-Denis — appel à projets",
  shortTitle: 'PDIE Seine-Saint-Denis',
  kind: 'call_for_projects',
  lang: 'fr',
  description:
    "Appel à projets du Département de la Seine-Saint-Denis pour des actions d’insertion et d’emploi destinées principalement aux allocataires du RSA. Chaque fiche (1, 2A, 2B, 3A, 3B, 4, 5, 6, 7) définit les objectifs, le public, le contenu attendu et les indicateurs d’évaluation d’un type d’action ; un porteur répond à une fiche par un dossier de candidature.",
  source: {
    document: "Programme départemental d’insertion et d’emploi (PDIE) — appel à projets, fiches 1 à 7",
    issuer: 'Département de la Seine-Saint-Denis',
  },
  scales: [conformityScale],
  nodes: pdieNodes,
  modalities: [
    {
      id: APPLICATION_MODALITY,
      kind: 'written_dossier',
      label: 'Dossier de candidature',
      description:
        "Dossier déposé par le porteur de projet en réponse à une fiche, avec sa note d’opportunité ; l’action est évaluée sur sa conformité au dossier et sur les indicateurs d’efficacité demandés par le Département.",
      evaluates: fiches.map((fiche) => fiche.id),
      templates: pdieTemplates.map((template) => template.id),
    },
  ],
  templates: pdieTemplates,
  rules: pdieRules,
  policy: {
    assessorRoles: ['tutor'],
    selfAssess: false,
    signOff: 'committee',
    decision: {
      type: 'none',
      description: 'La sélection des projets relève du Département ; Canevas ne prend aucune décision automatique.',
    },
  },
});
