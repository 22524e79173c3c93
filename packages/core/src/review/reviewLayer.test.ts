import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAssessments, recordAssessment } from './reviewAssessments.js';
import { putThread, readThreads, type StoredThread } from './reviewThreads.js';

describe('assessments in the review doc', () => {
  it('keeps the current level and every change with who and when', () => {
    const review = new Y.Doc();
    recordAssessment(review, { nodeId: 'c1', level: 'partial', feedback: 'À étayer', by: 'u1', byName: 'Marc', at: '2026-11-23T09:00:00.000Z' });
    recordAssessment(review, { nodeId: 'c1', level: 'mastered', by: 'u1', byName: 'Marc', at: '2026-11-24T09:00:00.000Z' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(review));
    const [assessment] = readAssessments(copy);
    expect(assessment).toMatchObject({ nodeId: 'c1', level: 'mastered', by: 'u1' });
    expect(assessment?.feedback).toBeUndefined();
    expect(assessment?.history.map((change) => [change.from, change.to, change.feedback ?? null])).toEqual([
      [null, 'partial', 'À étayer'],
      ['partial', 'mastered', null],
    ]);
  });
});

describe('comment threads in the review doc', () => {
  it('stores whole threads and lists them oldest first', () => {
    const review = new Y.Doc();
    const thread = (id: string, createdAt: string): StoredThread => ({
      id,
      nodeId: 'cp1',
      authorId: 'u1',
      createdAt,
      resolved: false,
      comments: [{ id: `${id}-1`, authorId: 'u1', authorName: 'Marc', body: 'Précisez le public visé.', createdAt }],
    });
    putThread(review, thread('b', '2026-11-23T10:00:00.000Z'));
    putThread(review, thread('a', '2026-11-23T11:00:00.000Z'));
    const resolved = { ...thread('b', '2026-11-23T10:00:00.000Z'), resolved: true, resolvedBy: 'u2' };
    putThread(review, resolved);
    expect(readThreads(review).map((t) => [t.id, t.resolved])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });
});
