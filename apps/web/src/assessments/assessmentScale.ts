import { levelLabel, type AssessmentChange, type Scale } from '@canevas/core';

/** « Non évalué → Partiellement maîtrisée », for the history. */
export function describeChange(change: Pick<AssessmentChange, 'from' | 'to'>, scale: Scale | undefined): string {
  return `${levelLabel(scale, change.from)} → ${levelLabel(scale, change.to)}`;
}

/** The newest change first: the history reads as « what happened last ». */
export function newestFirst<T extends { at: string }>(changes: readonly T[]): T[] {
  return [...changes].reverse();
}
