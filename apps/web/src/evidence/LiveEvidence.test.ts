import {
  createAnchor,
  deleteEvidenceLink,
  evidenceMap,
  putEvidenceLinks,
  type Anchor,
  type StoredEvidenceLink,
} from '@canevas/core';
import { proseMirrorJSONToUpdate } from '@canevas/core/editor';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LiveEvidence } from './LiveEvidence.js';

function contentDoc(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const content = paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  Y.applyUpdate(doc, proseMirrorJSONToUpdate({ type: 'doc', content }));
  return doc;
}

const firstText = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

function link(doc: Y.Doc, id: string, from: number, to: number, nodeId = 'cp2-c2'): StoredEvidenceLink {
  return { id, nodeId, anchor: createAnchor(doc, from, to), createdBy: 'Alice', createdAt: `2026-01-01T00:00:0${id.length}Z` };
}

describe('LiveEvidence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the review doc at once and the content doc after the wait, detaching deleted passages', () => {
    // « Le diagnostic est partagé. »: « diagnostic » spans ProseMirror positions 4–14.
    const content = contentDoc('Le diagnostic est partagé.');
    const review = new Y.Doc();
    const live = new LiveEvidence(content, review, 100);
    const changes = vi.fn();
    live.subscribe(changes);
    expect(live.getSnapshot()).toEqual({ loaded: false, links: [] });
    live.setLoaded();
    expect(live.getSnapshot().loaded).toBe(true);

    putEvidenceLinks(review, [link(content, 'a', 4, 14)]);
    const [linked] = live.getSnapshot().links;
    expect(linked).toMatchObject({ id: 'a', status: 'attached', resolution: { text: 'diagnostic', from: 4, to: 14 } });

    firstText(content).delete(3, 11);
    expect(live.getSnapshot().links[0]!.status).toBe('attached');
    vi.advanceTimersByTime(100);
    expect(live.getSnapshot().links[0]).toMatchObject({ status: 'detached', anchor: { quote: { exact: 'diagnostic' } } });

    deleteEvidenceLink(review, 'a');
    expect(live.getSnapshot().links).toEqual([]);
    expect(changes).toHaveBeenCalledTimes(4);
    live.destroy();
  });

  it('stays quiet when a passage only moves, and speaks when its text changes', () => {
    const content = contentDoc('Le diagnostic est partagé.');
    const review = new Y.Doc();
    putEvidenceLinks(review, [link(content, 'a', 4, 14)]);
    const live = new LiveEvidence(content, review, 100);
    const changes = vi.fn();
    live.subscribe(changes);

    // Before the passage, then right after it: « Aujourd’hui, Le diagnostic précis est… ».
    firstText(content).insert(0, 'Aujourd’hui, ');
    firstText(content).insert(26, ' précis');
    vi.advanceTimersByTime(100);
    expect(changes).not.toHaveBeenCalled();
    expect(live.getSnapshot().links[0]!.resolution).toMatchObject({ text: 'diagnostic', from: 4, to: 14 });

    firstText(content).insert(22, '-');
    vi.advanceTimersByTime(100);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(live.getSnapshot().links[0]!.resolution).toMatchObject({ text: 'diagno-stic', from: 17, to: 28 });
    live.destroy();
  });

  it('re-anchors once, through the server, a link whose passage this tab’s undo restored', () => {
    const content = contentDoc('Le diagnostic est partagé.');
    const review = new Y.Doc();
    putEvidenceLinks(review, [link(content, 'a', 4, 14)]);
    const live = new LiveEvidence(content, review, 100);
    const reanchor = vi.fn((id: string, anchor: Anchor) => {
      putEvidenceLinks(review, [{ ...evidenceMap(review).get(id)!, anchor }]);
      return Promise.resolve();
    });
    live.setReanchor(reanchor);
    const undo = new Y.UndoManager(content.getXmlFragment('default'), { captureTimeout: 0 });

    firstText(content).delete(3, 11);
    vi.advanceTimersByTime(100);
    expect(live.getSnapshot().links[0]!.status).toBe('detached');
    expect(reanchor).not.toHaveBeenCalled();

    undo.undo();
    vi.advanceTimersByTime(100);
    expect(reanchor).toHaveBeenCalledTimes(1);
    expect(reanchor.mock.calls[0]![1].quote.exact).toBe('diagnostic');
    expect(live.getSnapshot().links[0]).toMatchObject({ status: 'attached', resolution: { text: 'diagnostic', from: 4, to: 14 } });

    // Nothing more to do, whatever else changes.
    firstText(content).insert(0, 'Ici, ');
    vi.advanceTimersByTime(100);
    expect(reanchor).toHaveBeenCalledTimes(1);
    live.destroy();
  });

  it('asks again after a refused re-anchoring', async () => {
    const content = contentDoc('Le diagnostic est partagé.');
    const review = new Y.Doc();
    putEvidenceLinks(review, [link(content, 'a', 4, 14)]);
    const live = new LiveEvidence(content, review, 100);
    const reanchor = vi.fn(() => Promise.reject(new Error('hors ligne')));
    live.setReanchor(reanchor);
    const undo = new Y.UndoManager(content.getXmlFragment('default'), { captureTimeout: 0 });
    firstText(content).delete(3, 11);
    undo.undo();
    vi.advanceTimersByTime(100);
    expect(reanchor).toHaveBeenCalledTimes(1);
    await Promise.allSettled([reanchor.mock.results[0]!.value]);
    live.resolve();
    expect(reanchor).toHaveBeenCalledTimes(2);
    // Still détaché here as everywhere: the re-anchoring did not happen.
    expect(live.getSnapshot().links[0]!.status).toBe('detached');
    live.destroy();
  });
});

