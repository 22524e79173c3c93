import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor } from '../anchors/createAnchor.js';
import { proseMirrorJSONToUpdate } from '../schema/documentContent.js';
import {
  deleteEvidenceLink,
  putEvidenceLinks,
  readEvidenceLinks,
  resolveEvidenceLinks,
  type StoredEvidenceLink,
} from './reviewDocument.js';
import { reviewRoomOf } from '../wire/roomName.js';

function contentDoc(text: string): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, proseMirrorJSONToUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }));
  return ydoc;
}

describe('review document', () => {
  it('names the review room after the document', () => {
    expect(reviewRoomOf('abc_DEF-1')).toBe('abc_DEF-1/review');
  });

  it('stores links, lists them in a stable order and deletes them', () => {
    const content = contentDoc('Nous avons réuni le comité local pour l’emploi.');
    const anchor = createAnchor(content, 12, 24);
    const review = new Y.Doc();
    const link = (id: string, createdAt: string): StoredEvidenceLink => ({ id, nodeId: 'cp1', anchor, createdBy: 'Awa', createdAt });
    putEvidenceLinks(review, [link('b', '2026-11-22T10:00:00.000Z'), link('a', '2026-11-22T10:00:00.000Z'), link('c', '2026-11-21T09:00:00.000Z')]);
    expect(readEvidenceLinks(review).map((l) => l.id)).toEqual(['c', 'a', 'b']);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(review));
    expect(readEvidenceLinks(copy)).toEqual(readEvidenceLinks(review));

    expect(deleteEvidenceLink(review, 'a')).toBe(true);
    expect(deleteEvidenceLink(review, 'a')).toBe(false);
    expect(readEvidenceLinks(review).map((l) => l.id)).toEqual(['c', 'b']);
  });

  it('reads a link as détaché once its passage is deleted, and keeps it', () => {
    const content = contentDoc('Début. Passage probant. Fin.');
    const anchor = createAnchor(content, 8, 24);
    const review = new Y.Doc();
    putEvidenceLinks(review, [{ id: 'x', nodeId: 'cp2', anchor, createdBy: 'Awa', createdAt: '2026-11-22T10:00:00.000Z' }]);

    const [attached] = resolveEvidenceLinks(content, readEvidenceLinks(review));
    expect(attached?.status).toBe('attached');
    expect(attached?.resolution.text).toBe('Passage probant.');

    const text = (content.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(7, 17);
    const [detached] = resolveEvidenceLinks(content, readEvidenceLinks(review));
    expect(detached?.status).toBe('detached');
    expect(detached?.anchor.quote.exact).toBe('Passage probant.');
  });
});
