import { describe, expect, it } from 'vitest';
import { commentHighlights, type HighlightableThread } from './commentHighlights.js';

const attached = (from: number, to: number) => ({ status: 'attached' as const, text: 'x', from, to });

describe('commentHighlights', () => {
  it('highlights open threads, merges threads on one passage, and marks the active one', () => {
    const threads: HighlightableThread[] = [
      { id: 'b', resolved: false, resolution: attached(20, 30) },
      { id: 'a', resolved: false, resolution: attached(4, 14) },
      { id: 'c', resolved: false, resolution: attached(4, 14) },
    ];
    expect(commentHighlights(threads, 'c', 100)).toEqual([
      { from: 4, to: 14, threadIds: ['a', 'c'], active: true },
      { from: 20, to: 30, threadIds: ['b'], active: false },
    ]);
  });

  it('leaves out resolved threads unless active, détachés, criteria-only threads and stale ranges', () => {
    const threads: HighlightableThread[] = [
      { id: 'resolu', resolved: true, resolution: attached(4, 14) },
      { id: 'actif', resolved: true, resolution: attached(40, 50) },
      { id: 'detache', resolved: false, resolution: { status: 'detached', text: '' } },
      { id: 'critere', resolved: false, resolution: null },
      { id: 'loin', resolved: false, resolution: attached(95, 120) },
      { id: 'vide', resolved: false, resolution: attached(10, 10) },
    ];
    expect(commentHighlights(threads, 'actif', 100)).toEqual([{ from: 40, to: 50, threadIds: ['actif'], active: true }]);
  });
});
