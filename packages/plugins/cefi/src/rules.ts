import { TEMPLATE } from './ids.js';
import { blockCriterionIds, blockId } from './nodes.js';
import { PROFICIENT_LEVEL } from './scales.js';
import type { RuleInput } from './types.js';

/**
 * Minimum words per section. A 30-page mémoire is about 12,000 words: the minimums add up to
 * about two thirds of that, leaving room for the candidate's own balance. The mind map's
 * branches are short lists; the 5-page dossier is about 2,000 words.
 */
export const MIN_WORDS: Record<string, Record<string, number>> = {
  [TEMPLATE.memoireBloc1]: {
    introduction: 300,
    'structure-candidat': 700,
    accueil: 900,
    tracabilite: 400,
    diagnostic: 1200,
    reseau: 600,
    parcours: 800,
    projet: 1500,
    'dossiers-bilans': 700,
    'evaluation-pratique': 800,
    conclusion: 300,
  },
  [TEMPLATE.memoireBloc2]: {
    introduction: 300,
    contexte: 800,
    entreprise: 1800,
    'relation-entreprise': 1200,
    public: 1400,
    mediation: 2000,
    enseignements: 1000,
    conclusion: 300,
  },
  [TEMPLATE.carteMentaleBloc3]: {
    projet: 15,
    contextualisation: 60,
    initialisation: 40,
    faisabilite: 60,
    preparation: 40,
    'mise-en-oeuvre': 40,
    evaluation: 40,
  },
  [TEMPLATE.dossierBloc3]: {
    projet: 200,
    'role-posture': 700,
    'analyse-pratique': 800,
  },
};

/** Sections that frame the document rather than evidence a criterion: a short one is a warning. */
const SIGNPOST_SECTIONS = new Set([
  `${TEMPLATE.memoireBloc1}.conclusion`,
  `${TEMPLATE.memoireBloc2}.conclusion`,
  `${TEMPLATE.carteMentaleBloc3}.projet`,
  `${TEMPLATE.dossierBloc3}.projet`,
]);

const BLOCK_NAMES: Record<number, string> = {
  1: 'du mémoire professionnel du bloc 1',
  2: 'du mémoire professionnel du bloc 2',
  3: 'de la carte mentale ou du dossier de 5 pages du bloc 3',
};

export const cefiRules: RuleInput[] = [
  ...Object.entries(MIN_WORDS).flatMap(([template, sections]) =>
    Object.entries(sections).map(
      ([section, minWords]): RuleInput => ({
        id: `${template}.${section}.rempli`,
        type: 'section_filled',
        template,
        section,
        minWords,
        severity: SIGNPOST_SECTIONS.has(`${template}.${section}`) ? 'warning' : 'error',
      }),
    ),
  ),
  ...[1, 2, 3].map(
    (block): RuleInput => ({
      id: `bloc${block}.preuves`,
      type: 'evidence_min',
      nodes: blockCriterionIds(block),
      count: 1,
      severity: 'error',
      message: `Chaque critère du bloc ${block} doit être étayé par au moins un passage ${BLOCK_NAMES[block]}.`,
    }),
  ),
  ...[1, 2, 3].map(
    (block): RuleInput => ({
      id: `bloc${block}.acquis`,
      type: 'all_children',
      node: blockId(block),
      level: PROFICIENT_LEVEL,
      // The source sets no pass mark; the jury decides, so this is a signal rather than a block.
      severity: 'warning',
    }),
  ),
];
