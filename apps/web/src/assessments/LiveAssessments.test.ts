import { recordAssessment } from '@canevas/core';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LiveAssessments } from './LiveAssessments.js';

describe('LiveAssessments', () => {
  it('follows every change of the review doc, history included', () => {
    const review = new Y.Doc();
    const live = new LiveAssessments(review);
    const changes = vi.fn();
    live.subscribe(changes);
    expect(live.getSnapshot()).toEqual({ loaded: false, assessments: [] });

    recordAssessment(review, { nodeId: 'c1', level: 'partiellement-maitrisee', by: 'u1', byName: 'Marc', at: '2026-03-01T10:00:00Z' });
    recordAssessment(review, { nodeId: 'c1', level: 'maitrisee', feedback: 'Trois situations.', by: 'u1', byName: 'Marc', at: '2026-03-02T10:00:00Z' });
    const [c1] = live.getSnapshot().assessments;
    expect(c1).toMatchObject({ nodeId: 'c1', level: 'maitrisee', feedback: 'Trois situations.' });
    expect(c1!.history.map((change) => [change.from, change.to])).toEqual([
      [null, 'partiellement-maitrisee'],
      ['partiellement-maitrisee', 'maitrisee'],
    ]);
    expect(changes).toHaveBeenCalledTimes(2);

    live.setLoaded();
    expect(live.getSnapshot().loaded).toBe(true);
    live.destroy();
  });
});
