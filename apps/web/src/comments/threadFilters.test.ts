import type { StoredThread } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import type { ResolvedThread } from './LiveThreads.js';
import { criterionOptions, filterThreads, threadCountLabel, threadCounts } from './threadFilters.js';

function entry(id: string, resolved: boolean, nodeId?: string): ResolvedThread {
  const thread: StoredThread = { id, authorId: 'u', createdAt: '2026-01-01T00:00:00Z', resolved, comments: [], ...(nodeId ? { nodeId } : {}) };
  return { thread, resolution: null };
}

const threads = [entry('a', false, 'c2'), entry('b', true, 'c1'), entry('c', false), entry('d', false, 'c1'), entry('e', true)];
const ids = (list: ResolvedThread[]) => list.map(({ thread }) => thread.id);

describe('filterThreads', () => {
  it('filters by status and by criterion, together', () => {
    expect(ids(filterThreads(threads, { status: 'open', criterion: { kind: 'all' } }))).toEqual(['a', 'c', 'd']);
    expect(ids(filterThreads(threads, { status: 'resolved', criterion: { kind: 'all' } }))).toEqual(['b', 'e']);
    expect(ids(filterThreads(threads, { status: 'all', criterion: { kind: 'node', nodeId: 'c1' } }))).toEqual(['b', 'd']);
    expect(ids(filterThreads(threads, { status: 'open', criterion: { kind: 'node', nodeId: 'c1' } }))).toEqual(['d']);
    expect(ids(filterThreads(threads, { status: 'all', criterion: { kind: 'none' } }))).toEqual(['c', 'e']);
  });

  it('counts, and lists the criteria that threads are about in the referential’s order', () => {
    expect(threadCounts(threads)).toEqual({ open: 3, resolved: 2 });
    expect(criterionOptions(threads, ['c1', 'c2', 'c3'])).toEqual([
      { nodeId: 'c1', count: 2 },
      { nodeId: 'c2', count: 1 },
    ]);
    expect(criterionOptions([entry('x', false, 'ancien'), ...threads], ['c1', 'c2'])).toEqual([
      { nodeId: 'c1', count: 2 },
      { nodeId: 'c2', count: 1 },
      { nodeId: 'ancien', count: 1 },
    ]);
  });

  it('says the count in French', () => {
    expect(threadCountLabel(0, 'open')).toBe('Aucun fil ouvert');
    expect(threadCountLabel(1, 'resolved')).toBe('1 fil résolu');
    expect(threadCountLabel(3, 'open')).toBe('3 fils ouverts');
    expect(threadCountLabel(2, 'all')).toBe('2 fils');
  });
});
