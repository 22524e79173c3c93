import { createAnchor, putThread, type StoredThread } from '@canevas/core';
import { proseMirrorJSONToUpdate } from '@canevas/core/editor';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LiveThreads } from './LiveThreads.js';

function contentDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, proseMirrorJSONToUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }));
  return doc;
}

const firstText = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

function thread(id: string, extra: Partial<StoredThread>): StoredThread {
  return {
    id,
    authorId: 'u-tuteur',
    createdAt: `2026-01-01T00:00:0${id.length}Z`,
    resolved: false,
    comments: [{ id: `${id}-1`, authorId: 'u-tuteur', authorName: 'Marc', body: 'Précisez.', createdAt: '2026-01-01T00:00:00Z' }],
    ...extra,
  };
}

describe('LiveThreads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads new threads at once, follows typing after the wait, and keeps a deleted passage as détaché', () => {
    // « Le diagnostic est partagé. »: « diagnostic » spans ProseMirror positions 4–14.
    const content = contentDoc('Le diagnostic est partagé.');
    const review = new Y.Doc();
    const live = new LiveThreads(content, review, 100);
    const changes = vi.fn();
    live.subscribe(changes);
    expect(live.getSnapshot()).toEqual({ loaded: false, threads: [] });
    live.setLoaded();

    putThread(review, thread('a', { anchor: createAnchor(content, 4, 14) }));
    putThread(review, thread('bb', { nodeId: 'c1' }));
    const [onPassage, onCriterion] = live.getSnapshot().threads;
    expect(onPassage!.resolution).toEqual({ status: 'attached', text: 'diagnostic', from: 4, to: 14 });
    expect(onCriterion!.resolution).toBeNull();

    // Typing before the passage moves it: nobody needs to re-render for that.
    const calls = changes.mock.calls.length;
    firstText(content).insert(0, 'Ici, ');
    vi.advanceTimersByTime(100);
    expect(changes.mock.calls.length).toBe(calls);

    firstText(content).delete(8, 10);
    expect(live.getSnapshot().threads[0]!.resolution?.status).toBe('attached');
    vi.advanceTimersByTime(100);
    expect(live.getSnapshot().threads[0]!.resolution).toEqual({ status: 'detached', text: '' });
    expect(live.getSnapshot().threads[0]!.thread.anchor?.quote.exact).toBe('diagnostic');

    live.destroy();
    putThread(review, thread('ccc', { nodeId: 'c2' }));
    expect(live.getSnapshot().threads).toHaveLength(2);
  });
});
