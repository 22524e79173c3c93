import { NODE, TEMPLATE, VALIDATION_CONDITION } from './ids.js';
import { KEY_COMPETENCIES } from './keyCompetencies.js';
import { competencyId } from './nodes.js';
import { MASTERED_LEVEL } from './scales.js';
import type { RuleInput } from './types.js';

/** Each key competency is told in three parts; the commission needs enough of each to judge mastery. */
const PER_KEY_COMPETENCY = { situations: 250, maniere: 400, resultats: 150 } as const;

const filled = (section: string, minWords: number, severity: 'error' | 'warning' | 'info', message?: string): RuleInput => ({
  id: `${TEMPLATE.dossier}.${section}.rempli`,
  type: 'section_filled',
  template: TEMPLATE.dossier,
  section,
  minWords,
  severity,
  ...(message === undefined ? {} : { message }),
});

const keyIds = KEY_COMPETENCIES.map((c) => competencyId(c.code));

export const anpeRules: RuleInput[] = [
  filled('contexte', 150, 'error'),
  ...keyIds.flatMap((id) =>
    Object.entries(PER_KEY_COMPETENCY).map(([part, minWords]) => filled(`${id}-${part}`, minWords, 'error')),
  ),
  // Prior learning is optional in the source: a reminder, not a gap.
  filled('acquis-plus-value', 80, 'info'),
  filled(
    'attestation',
    20,
    'error',
    "La validation prend en compte l’attestation du responsable : faites-la compléter ou joignez-la.",
  ),
  {
    id: 'competences-clefs.preuves',
    type: 'evidence_min',
    nodes: keyIds,
    count: 2,
    severity: 'error',
    message: 'Chaque compétence clef doit être étayée par au moins deux passages du dossier : situations décrites, manière de procéder, résultats.',
  },
  {
    id: 'criteres-commission.preuves',
    type: 'evidence_min',
    nodeType: 'criterion',
    count: 1,
    // The criteria guide the commission's reading; none is required on its own.
    severity: 'info',
  },
  {
    id: 'competences-clefs.maitrise',
    type: 'all_children',
    node: NODE.keyCompetencies,
    level: MASTERED_LEVEL,
    severity: 'error',
    message: VALIDATION_CONDITION,
  },
];
