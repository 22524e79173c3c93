import type { AssessmentChange, DecisionRule, ReferentialManifest, ReferentialNode, Scale } from '@canevas/core';

/** The scale a node is assessed on: its own, else the referential's first (as the server does). */
export function scaleOf(manifest: ReferentialManifest, node: ReferentialNode): Scale | undefined {
  const id = node.scale ?? manifest.scales[0]?.id;
  return manifest.scales.find((scale) => scale.id === id);
}

export const NOT_ASSESSED = 'Non évalué';

/** A level's label on the scale; the id itself when the scale no longer has it. */
export function levelLabel(scale: Scale | undefined, level: string | null): string {
  if (level === null) return NOT_ASSESSED;
  return scale?.levels.find((candidate) => candidate.id === level)?.label ?? level;
}

/** Whether the level counts as mastered on its scale (at or above the first proficient level). */
export function isProficient(scale: Scale | undefined, level: string): boolean {
  if (!scale) return false;
  const threshold = scale.levels.findIndex((candidate) => candidate.proficient);
  const index = scale.levels.findIndex((candidate) => candidate.id === level);
  return threshold >= 0 && index >= threshold;
}

/** « Non évalué → Partiellement maîtrisée », for the history. */
export function describeChange(change: Pick<AssessmentChange, 'from' | 'to'>, scale: Scale | undefined): string {
  return `${levelLabel(scale, change.from)} → ${levelLabel(scale, change.to)}`;
}

/** The newest change first: the history reads as « what happened last ». */
export function newestFirst<T extends { at: string }>(changes: readonly T[]): T[] {
  return [...changes].reverse();
}

const RULE_TEXTS: Record<DecisionRule['type'], string> = {
  all_key_mastered: 'Validé seulement si chaque compétence clé est maîtrisée.',
  all_assessable_proficient: 'Validé seulement si chaque élément évalué atteint un niveau maîtrisé.',
  none: 'Ce référentiel ne prévoit pas de décision automatique.',
};

/** The referential's decision rule in words: its own description, else the rule's. */
export function decisionRuleText(rule: DecisionRule): string {
  return rule.description?.trim() || RULE_TEXTS[rule.type];
}
