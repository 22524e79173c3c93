import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isReadableUpdate } from './isReadableUpdate.js';

/** A document using every kind of content the editor and the review layer write, and deletions. */
function richSnapshot(): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('default');
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '2');
  const title = new Y.XmlText();
  heading.insert(0, [title]);
  title.insert(0, 'Synthèse « bilan » — étape 1 😀');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  body.insert(0, [heading, paragraph]);
  text.insert(0, 'Projet professionnel de Camille', { bold: {} });
  text.format(7, 5, { bold: null, italic: { level: 1 } });
  text.insertEmbed(3, { image: 'a.png' });
  text.delete(0, 2);
  const links = doc.getMap('links');
  links.set('l1', { criterion: 'C1', anchors: [1, 2.5, -3, null, true, false, 'x', new Uint8Array([1, 2])], big: 2 ** 40 });
  links.set('l2', new Uint8Array([9, 8, 7]));
  links.delete('l2');
  doc.getArray('list').insert(0, [1, 'deux', { trois: [3] }]);
  doc.getMap('hooks').set('h', new Y.XmlHook('hook'));
  doc.getText('plain').insert(0, 'ab');
  doc.getText('plain').delete(0, 1);
  return Y.encodeStateAsUpdate(doc);
}

/** Whether Yjs decodes it: what the check vouches for (not integration, see isReadableUpdate). */
function yjsReads(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

describe('isReadableUpdate', () => {
  it('accepts whole updates of every content kind, including an empty document', () => {
    expect(isReadableUpdate(richSnapshot())).toBe(true);
    expect(isReadableUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'abc');
    source.getText('t').delete(1, 1);
    for (const update of updates) expect(isReadableUpdate(update)).toBe(true);
  });

  it('refuses garbage, trailing bytes and invalid UTF-8', () => {
    expect(isReadableUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBe(false);
    expect(isReadableUpdate(new Uint8Array())).toBe(false);
    const whole = richSnapshot();
    expect(isReadableUpdate(new Uint8Array([...whole, 0]))).toBe(false);
    const doc = new Y.Doc();
    // A fixed client id: a random one could contain the byte searched for below.
    doc.clientID = 1;
    doc.getText('t').insert(0, 'é');
    const update = Y.encodeStateAsUpdate(doc);
    const at = Buffer.from(update).indexOf(Buffer.from('é'));
    expect(at).toBeGreaterThan(0);
    const broken = update.slice();
    broken[at + 1] = 0x41; // a lead byte followed by ASCII
    expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
    expect(isReadableUpdate(broken)).toBe(false);
  });

  it('never vouches for bytes that Yjs cannot decode: every truncation and thousands of altered bytes', () => {
    const whole = richSnapshot();
    let vouched = 0;
    const check = (bytes: Uint8Array) => {
      if (!isReadableUpdate(bytes)) return;
      vouched++;
      expect(yjsReads(bytes)).toBe(true);
    };
    for (let length = 0; length < whole.length; length++) check(whole.subarray(0, length));
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 3000; trial++) {
      const altered = whole.slice();
      altered[Math.floor(random() * altered.length)] = Math.floor(random() * 256);
      check(altered);
    }
    // Most single-byte changes keep the update readable (a character, a clock): the check ran.
    expect(vouched).toBeGreaterThan(100);
  });
});
