import type { ResolvedThread } from './LiveThreads.js';

export type StatusFilter = 'open' | 'resolved' | 'all';

/** Every thread, the threads on one criterion, or those on no criterion. */
export type CriterionFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'node'; nodeId: string };

export interface ThreadFilter {
  status: StatusFilter;
  criterion: CriterionFilter;
}

export const DEFAULT_FILTER: ThreadFilter = { status: 'open', criterion: { kind: 'all' } };

export function filterThreads(threads: readonly ResolvedThread[], filter: ThreadFilter): ResolvedThread[] {
  return threads.filter(({ thread }) => {
    if (filter.status === 'open' && thread.resolved) return false;
    if (filter.status === 'resolved' && !thread.resolved) return false;
    const { criterion } = filter;
    if (criterion.kind === 'none') return thread.nodeId === undefined;
    if (criterion.kind === 'node') return thread.nodeId === criterion.nodeId;
    return true;
  });
}

export function threadCounts(threads: readonly ResolvedThread[]): { open: number; resolved: number } {
  const resolved = threads.filter(({ thread }) => thread.resolved).length;
  return { open: threads.length - resolved, resolved };
}

export interface CriterionOption {
  nodeId: string;
  count: number;
}

/**
 * The criteria that some thread is about, in the referential's order (`order` lists node ids),
 * for the criterion filter; unknown nodes come last.
 */
export function criterionOptions(threads: readonly ResolvedThread[], order: readonly string[]): CriterionOption[] {
  const counts = new Map<string, number>();
  for (const { thread } of threads) {
    if (thread.nodeId !== undefined) counts.set(thread.nodeId, (counts.get(thread.nodeId) ?? 0) + 1);
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  return [...counts]
    .map(([nodeId, count]) => ({ nodeId, count }))
    .sort((a, b) => (rank.get(a.nodeId) ?? Infinity) - (rank.get(b.nodeId) ?? Infinity) || a.nodeId.localeCompare(b.nodeId));
}

/** « 2 fils ouverts », « 1 fil résolu », « Aucun fil »: French takes the singular for 0 and 1. */
export function threadCountLabel(count: number, status: StatusFilter): string {
  const noun = count <= 1 ? 'fil' : 'fils';
  const adjective = status === 'open' ? (count <= 1 ? ' ouvert' : ' ouverts') : status === 'resolved' ? (count <= 1 ? ' résolu' : ' résolus') : '';
  return count === 0 ? `Aucun fil${adjective}` : `${count} ${noun}${adjective}`;
}
