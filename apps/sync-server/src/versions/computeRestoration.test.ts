import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeRestoration } from './computeRestoration.js';

const body = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

function paragraph(text: string, name = 'paragraph'): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

const textOf = (doc: Y.Doc, index: number) => (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** A live doc as the server holds it: loaded from its stored state, so what was deleted is collected. */
function reloaded(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('computeRestoration', () => {
  it('makes the live body equal the version after insertions, deletions, formatting and attributes', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const heading = paragraph('Plan de communication', 'heading');
    heading.setAttribute('level', '2');
    fragment.insert(0, [heading, paragraph('Objectifs : informer les habitants.'), paragraph('Budget : 1 200 €.'), paragraph('Calendrier à préciser.')]);
    const version = Y.encodeStateAsUpdate(doc);
    const expected = body(doc);

    // The Ctrl+A slip, and more: a block deleted, text typed, bold, a heading level changed.
    textOf(doc, 1).format(0, 9, { bold: {} });
    textOf(doc, 1).insert(9, ' et mobiliser');
    heading.setAttribute('level', '3');
    fragment.delete(2, 1);
    fragment.insert(3, [paragraph('Nouvelle section')]);
    textOf(doc, 2).delete(0, 10);
    const live = reloaded(doc);
    expect(body(live)).not.toBe(expected);

    const { update, replica } = computeRestoration(live, version);
    Y.applyUpdate(live, update!);
    expect(body(live)).toBe(expected);
    replica.destroy();
  });

  it('restores a document emptied whole, and clients merge it with their own later edits', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('default').insert(0, [paragraph('Phase 1 : diagnostic'), paragraph('Phase 2 : actions')]);
    const version = Y.encodeStateAsUpdate(doc);
    const expected = body(doc);
    doc.getXmlFragment('default').delete(0, 2);
    doc.getXmlFragment('default').insert(0, [paragraph('x')]);
    const live = reloaded(doc);
    const client = reloaded(doc);

    const { update, replica } = computeRestoration(live, version);
    Y.applyUpdate(live, update!);
    expect(body(live)).toBe(expected);
    // A client that typed before receiving the restore: its edit is kept, the rest is the version.
    textOf(client, 0).insert(1, 'y');
    Y.applyUpdate(client, update!);
    Y.applyUpdate(live, Y.encodeStateAsUpdate(client, Y.encodeStateVector(live)));
    expect(body(client)).toBe(body(live));
    expect(body(live)).toContain('Phase 1 : diagnostic');
    expect(body(live)).toContain('Phase 2 : actions');
    replica.destroy();
  });

  it('writes under a client id the document has never used, and nothing when the content is the version', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('default').insert(0, [paragraph('Inchangé')]);
    const version = Y.encodeStateAsUpdate(doc);
    const same = computeRestoration(doc, version);
    expect(same.update).toBeNull();
    same.replica.destroy();

    doc.getXmlFragment('default').delete(0, 1);
    const { update, replica } = computeRestoration(doc, version);
    const writers = new Set(Y.decodeUpdate(update!).structs.map((struct) => struct.id.client));
    expect([...writers]).toEqual([replica.clientID]);
    expect(replica.clientID).not.toBe(doc.clientID);
    replica.destroy();
  });
});
