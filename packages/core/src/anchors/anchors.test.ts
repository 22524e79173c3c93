import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proseMirrorJSONToUpdate } from '../schema/documentContent.js';
import { anchorsRestoredByUndo } from './anchorsRestoredByUndo.js';
import { createAnchor } from './createAnchor.js';
import { quoteSelector } from './quoteSelector.js';
import { base64ToBytes, bytesToBase64, decodeRelPos, encodeRelPos } from './relativePositionCodec.js';
import { resolveAnchor } from './resolveAnchor.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

function docOf(...paragraphs: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, proseMirrorJSONToUpdate({ type: 'doc', content: paragraphs.map(paragraph) }));
  return ydoc;
}

const textOf = (ydoc: Y.Doc, block: number) => (ydoc.getXmlFragment('default').get(block) as Y.XmlElement).get(0) as Y.XmlText;

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('quoteSelector', () => {
  it('keeps the passage and 32 characters of context on each side', () => {
    const text = `${'a'.repeat(40)}PASSAGE${'z'.repeat(40)}`;
    expect(quoteSelector(text, 40, 47)).toEqual({ exact: 'PASSAGE', prefix: 'a'.repeat(32), suffix: 'z'.repeat(32) });
    expect(quoteSelector('court', 0, 5)).toEqual({ exact: 'court', prefix: '', suffix: '' });
    expect(quoteSelector('x'.repeat(800), 0, 800).exact).toHaveLength(500);
  });
});

describe('relative position codec', () => {
  it('round-trips bytes through base64 like the standard encoding', () => {
    const cases: [number[], string][] = [
      [[], ''],
      [[0], 'AA=='],
      [[255, 254], '//4='],
      [[1, 2, 3], 'AQID'],
      [[104, 195, 169, 0, 7], 'aMOpAAc='],
    ];
    for (const [bytes, expected] of cases) {
      const encoded = bytesToBase64(Uint8Array.from(bytes));
      expect(encoded).toBe(expected);
      expect([...base64ToBytes(encoded)]).toEqual(bytes);
    }
  });

  it('round-trips a Y.RelativePosition', () => {
    const ydoc = docOf('Bonjour');
    const position = Y.createRelativePositionFromTypeIndex(textOf(ydoc, 0), 3, -1);
    const decoded = decodeRelPos(encodeRelPos(position));
    expect(encodeRelPos(decoded)).toBe(encodeRelPos(position));
    expect(Y.createAbsolutePositionFromRelativePosition(decoded, ydoc)).toMatchObject({ type: textOf(ydoc, 0), index: 3, assoc: -1 });
  });
});

describe('createAnchor and resolveAnchor', () => {
  it('anchors a passage by ProseMirror positions and finds it again', () => {
    const ydoc = docOf('Le diagnostic territorial', 'est partagé avec les partenaires.');
    // « diagnostic » starts at 1 (inside the first paragraph) + 3.
    const anchor = createAnchor(ydoc, 4, 14);
    expect(anchor.quote).toEqual({ exact: 'diagnostic', prefix: 'Le ', suffix: ' territorial\nest partagé avec le' });
    expect(resolveAnchor(ydoc, anchor)).toEqual({ status: 'attached', text: 'diagnostic', from: 4, to: 14 });
  });

  it('follows edits before and inside the passage, and spans paragraphs', () => {
    const ydoc = docOf('Le diagnostic territorial', 'est partagé avec les partenaires.');
    // From « territorial » to « partagé »: the second paragraph's text starts at 28.
    const anchor = createAnchor(ydoc, 15, 39);
    expect(anchor.quote.exact).toBe('territorial\nest partagé');
    textOf(ydoc, 0).insert(0, 'Aujourd’hui, ');
    textOf(ydoc, 1).insert(4, 'très ');
    const resolved = resolveAnchor(ydoc, anchor);
    expect(resolved).toMatchObject({ status: 'attached', text: 'territorial\nest très partagé', from: 28 });
  });

  it('becomes détaché when the passage is deleted, or its paragraph', () => {
    const ydoc = docOf('Avant. Le passage. Après.', 'Autre paragraphe.');
    const anchor = createAnchor(ydoc, 8, 18);
    expect(resolveAnchor(ydoc, anchor).text).toBe('Le passage');
    textOf(ydoc, 0).delete(5, 14);
    expect(resolveAnchor(ydoc, anchor)).toEqual({ status: 'detached', text: '' });

    const other = docOf('Avant.', 'Le passage.', 'Après.');
    const second = createAnchor(other, 9, 19);
    expect(resolveAnchor(other, second).text).toBe('Le passage');
    other.getXmlFragment('default').delete(1, 1);
    expect(resolveAnchor(other, second).status).toBe('detached');
  });

  it('keeps what remains when a passage across paragraphs loses its first one', () => {
    const ydoc = docOf('Premier bloc', 'Second bloc');
    const anchor = createAnchor(ydoc, 9, 26);
    expect(resolveAnchor(ydoc, anchor).text).toBe('bloc\nSecond bloc');
    ydoc.getXmlFragment('default').delete(0, 1);
    expect(resolveAnchor(ydoc, anchor)).toMatchObject({ status: 'attached', text: 'Second bloc' });
  });

  it('is détaché when the anchor refers to content this document never saw', () => {
    const anchor = createAnchor(docOf('Ailleurs'), 1, 5);
    expect(resolveAnchor(docOf('Ici'), anchor).status).toBe('detached');
  });

  it('refuses a range without text', () => {
    expect(() => createAnchor(docOf('', 'x'), 0, 2)).toThrow(RangeError);
  });
});

/** A doc loaded from another's state, as a peer that joins or reloads has it. */
function reloaded(ydoc: Y.Doc): Y.Doc {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(ydoc));
  return fresh;
}

describe('undo of a deleted passage', () => {
  it('leaves the link détaché in the undoing doc as in its peers, and re-anchors it on the restored text', () => {
    const alice = docOf('Avant. Le passage lié. Après.', 'Autre paragraphe.');
    const bob = new Y.Doc();
    sync(alice, bob);
    const anchor = createAnchor(alice, 8, 23);
    expect(resolveAnchor(bob, anchor).text).toBe('Le passage lié.');
    const undo = new Y.UndoManager(alice.getXmlFragment('default'), { captureTimeout: 0 });

    textOf(alice, 0).delete(7, 16);
    sync(alice, bob);
    expect(resolveAnchor(alice, anchor).status).toBe('detached');
    expect(anchorsRestoredByUndo(alice, [anchor])).toEqual([null]);

    undo.undo();
    sync(alice, bob);
    expect(textOf(bob, 0).toString()).toBe('Avant. Le passage lié. Après.');
    // Yjs follows `redone` in Alice's doc only: without care her tab alone would see it attached.
    for (const ydoc of [alice, bob, reloaded(alice)]) expect(resolveAnchor(ydoc, anchor)).toEqual({ status: 'detached', text: '' });

    const [restored] = anchorsRestoredByUndo(alice, [anchor]);
    expect(restored?.quote).toEqual(anchor.quote);
    expect(anchorsRestoredByUndo(bob, [anchor])).toEqual([null]);
    for (const ydoc of [alice, bob, reloaded(bob)]) {
      expect(resolveAnchor(ydoc, restored!)).toEqual({ status: 'attached', text: 'Le passage lié.', from: 8, to: 23 });
    }
    // Once re-anchored there is nothing left to restore; a redo detaches it again for everybody.
    expect(anchorsRestoredByUndo(alice, [restored!])).toEqual([null]);
    undo.redo();
    sync(alice, bob);
    for (const ydoc of [alice, bob]) expect(resolveAnchor(ydoc, restored!).status).toBe('detached');
  });

  it('restores a passage whose whole paragraph was deleted, and one of which only a part was', () => {
    const alice = docOf('Premier.', 'Le passage entier.', 'Dernier.');
    const undo = new Y.UndoManager(alice.getXmlFragment('default'), { captureTimeout: 0 });
    const whole = createAnchor(alice, 11, 29);
    alice.getXmlFragment('default').delete(1, 1);
    undo.undo();
    const [again] = anchorsRestoredByUndo(alice, [whole]);
    expect(resolveAnchor(alice, whole).status).toBe('detached');
    expect(resolveAnchor(reloaded(alice), again!)).toMatchObject({ status: 'attached', text: 'Le passage entier.' });

    const part = createAnchor(alice, 11, 29);
    textOf(alice, 1).delete(0, 11);
    expect(resolveAnchor(alice, part)).toMatchObject({ status: 'attached', text: 'entier.' });
    undo.undo();
    const [full] = anchorsRestoredByUndo(alice, [part]);
    expect(resolveAnchor(reloaded(alice), full!)).toMatchObject({ status: 'attached', text: 'Le passage entier.' });
  });
});

type Op =
  | { kind: 'insert'; where: number; text: string }
  | { kind: 'delete'; where: number; size: number }
  | { kind: 'paragraph'; where: number; text: string }
  | { kind: 'dropParagraph'; where: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), where: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), where: fc.nat(), size: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('paragraph' as const), where: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('dropParagraph' as const), where: fc.nat() }),
);

/** Applies an edit anywhere except inside the anchored passage, whose offsets [start, end) are tracked. */
function applyOutside(ydoc: Y.Doc, op: Op, passage: { start: number; end: number }) {
  const fragment = ydoc.getXmlFragment('default');
  const blocks = fragment.toArray() as Y.XmlElement[];
  const home = blocks.findIndex((b) => b.getAttribute('data-home') === 'yes');
  const text = (blocks[home]!.get(0) as Y.XmlText);
  switch (op.kind) {
    case 'insert': {
      // Positions at the passage's edges are allowed: the text must land outside it.
      const candidates = text.length - (passage.end - passage.start) + 1;
      let at = op.where % Math.max(1, candidates + 1);
      if (at > passage.start) at += passage.end - passage.start;
      at = Math.min(at, text.length);
      text.insert(at, op.text);
      if (at <= passage.start) {
        passage.start += op.text.length;
        passage.end += op.text.length;
      }
      return;
    }
    case 'delete': {
      const before = passage.start;
      const after = text.length - passage.end;
      if (op.where % 2 === 0 && before > 0) {
        const size = Math.min(op.size, before);
        const at = (op.where >> 1) % (before - size + 1);
        text.delete(at, size);
        passage.start -= size;
        passage.end -= size;
      } else if (after > 0) {
        const size = Math.min(op.size, after);
        text.delete(passage.end + ((op.where >> 1) % (after - size + 1)), size);
      }
      return;
    }
    case 'paragraph': {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(op.text)]);
      fragment.insert(op.where % (blocks.length + 1), [element]);
      return;
    }
    case 'dropParagraph': {
      const others = blocks.map((_, i) => i).filter((i) => i !== home);
      if (others.length > 0) fragment.delete(others[op.where % others.length]!, 1);
    }
  }
}

// CPU-bound runs of a few seconds: on a loaded machine they take longer, which is no failure.
const PROPERTY_TIMEOUT = { timeout: 60_000 };

describe('anchors under concurrent edits (property)', PROPERTY_TIMEOUT, () => {
  it('still cover exactly the original passage after merging edits made around it in two docs', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.array(opArb, { maxLength: 12 }),
        fc.array(opArb, { maxLength: 12 }),
        fc.boolean(),
        (before, passageText, after, opsA, opsB, syncMidway) => {
          const a = new Y.Doc();
          const b = new Y.Doc();
          a.transact(() => {
            const home = new Y.XmlElement('paragraph');
            home.setAttribute('data-home', 'yes');
            home.insert(0, [new Y.XmlText(before + passageText + after)]);
            const intro = new Y.XmlElement('paragraph');
            intro.insert(0, [new Y.XmlText('Introduction')]);
            a.getXmlFragment('default').insert(0, [intro, home]);
          });
          sync(a, b);
          // « Introduction » occupies 0–14; the home paragraph's text starts at 15.
          const from = 15 + before.length;
          const anchor = createAnchor(a, from, from + passageText.length);
          expect(anchor.quote.exact).toBe(passageText);

          const passageA = { start: before.length, end: before.length + passageText.length };
          const passageB = { ...passageA };
          const half = Math.floor(opsA.length / 2);
          opsA.slice(0, half).forEach((op) => applyOutside(a, op, passageA));
          opsB.forEach((op) => applyOutside(b, op, passageB));
          if (syncMidway) {
            sync(a, b);
            // After a sync both docs agree; re-derive A's offsets from the anchor itself.
            const home = (a.getXmlFragment('default').toArray() as Y.XmlElement[]).find((e) => e.getAttribute('data-home') === 'yes')!;
            const at = (home.get(0) as Y.XmlText).toString().indexOf(passageText, 0);
            const resolved = resolveAnchor(a, anchor);
            expect(resolved.text).toBe(passageText);
            passageA.start = resolvedOffset(a, anchor, at);
            passageA.end = passageA.start + passageText.length;
          }
          opsA.slice(half).forEach((op) => applyOutside(a, op, passageA));
          sync(a, b);
          for (const ydoc of [a, b]) {
            expect(resolveAnchor(ydoc, anchor)).toMatchObject({ status: 'attached', text: passageText });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('become détaché in both docs when one deletes the passage while the other edits around it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.array(opArb, { maxLength: 10 }), (passageText, opsB) => {
        const a = new Y.Doc();
        const b = new Y.Doc();
        const home = new Y.XmlElement('paragraph');
        home.setAttribute('data-home', 'yes');
        home.insert(0, [new Y.XmlText(`Avant ${passageText} après`)]);
        a.getXmlFragment('default').insert(0, [home]);
        sync(a, b);
        const anchor = createAnchor(a, 7, 7 + passageText.length);
        (home.get(0) as Y.XmlText).delete(6, passageText.length);
        const passageB = { start: 6, end: 6 + passageText.length };
        opsB.forEach((op) => applyOutside(b, op, passageB));
        sync(a, b);
        expect(resolveAnchor(a, anchor).status).toBe('detached');
        expect(resolveAnchor(b, anchor).status).toBe('detached');
      }),
      { numRuns: 200 },
    );
  });
});

type UndoOp =
  | { kind: 'insert'; block: number; where: number; text: string }
  | { kind: 'delete'; block: number; where: number; size: number }
  | { kind: 'paragraph'; where: number; text: string }
  | { kind: 'dropParagraph'; where: number; count: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

const undoOpArb: fc.Arbitrary<UndoOp> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), block: fc.nat(), where: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), block: fc.nat(), where: fc.nat(), size: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('paragraph' as const), where: fc.nat(), text: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('dropParagraph' as const), where: fc.nat(), count: fc.integer({ min: 1, max: 2 }) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/** Any edit anywhere, the anchored passage included; undo and redo only where an UndoManager is. */
function applyAnywhere(ydoc: Y.Doc, op: UndoOp, undo: Y.UndoManager | null) {
  const fragment = ydoc.getXmlFragment('default');
  const blocks = fragment.toArray() as Y.XmlElement[];
  const text = blocks.length > 0 ? (blocks[('block' in op ? op.block : 0) % blocks.length]!.get(0) as Y.XmlText | undefined) : undefined;
  switch (op.kind) {
    case 'insert':
      if (text) text.insert(op.where % (text.length + 1), op.text);
      return;
    case 'delete':
      if (text && text.length > 0) {
        const at = op.where % text.length;
        text.delete(at, Math.min(op.size, text.length - at));
      }
      return;
    case 'paragraph': {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(op.text || 'x')]);
      fragment.insert(op.where % (blocks.length + 1), [element]);
      return;
    }
    case 'dropParagraph':
      if (blocks.length > 0) {
        const at = op.where % blocks.length;
        fragment.delete(at, Math.min(op.count, blocks.length - at));
      }
      return;
    case 'undo':
      undo?.undo();
      return;
    case 'redo':
      undo?.redo();
  }
}

describe('anchors resolve the same on every replica (property)', PROPERTY_TIMEOUT, () => {
  it('whatever one doc deleted, undid and redid, and the other edited concurrently', () => {
    fc.assert(
      fc.property(
        fc.array(undoOpArb, { maxLength: 14 }),
        fc.array(undoOpArb, { maxLength: 6 }),
        fc.nat(),
        (opsA, opsB, syncAt) => {
          const a = docOf('Introduction.', 'Avant le passage lié, après.', 'Conclusion.');
          const b = new Y.Doc();
          sync(a, b);
          // « le passage lié » in the second paragraph (its text starts at 16).
          const anchor = createAnchor(a, 22, 36);
          expect(anchor.quote.exact).toBe('le passage lié');
          const undo = new Y.UndoManager(a.getXmlFragment('default'), { captureTimeout: 0 });
          opsA.forEach((op, i) => {
            if (i === syncAt % (opsA.length + 1)) sync(a, b);
            applyAnywhere(a, op, undo);
          });
          opsB.forEach((op) => applyAnywhere(b, op, null));
          sync(a, b);
          const expected = resolveAnchor(a, anchor);
          expect(resolveAnchor(b, anchor)).toEqual(expected);
          expect(resolveAnchor(reloaded(a), anchor)).toEqual(expected);
          // A re-anchored link, once synced, resolves the same everywhere too.
          const [restored] = anchorsRestoredByUndo(a, [anchor]);
          if (restored) {
            const again = resolveAnchor(a, restored);
            expect(again.status).toBe('attached');
            expect(resolveAnchor(b, restored)).toEqual(again);
            expect(resolveAnchor(reloaded(b), restored)).toEqual(again);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});

/** The passage's offset inside its paragraph, from the anchor's own resolution. */
function resolvedOffset(ydoc: Y.Doc, anchor: ReturnType<typeof createAnchor>, fallback: number): number {
  const resolved = resolveAnchor(ydoc, anchor);
  if (resolved.status !== 'attached') return fallback;
  const fragment = ydoc.getXmlFragment('default');
  const blocks = fragment.toArray() as Y.XmlElement[];
  let pm = 0;
  for (const block of blocks) {
    const text = block.get(0) as Y.XmlText | undefined;
    if (block.getAttribute('data-home') === 'yes') return resolved.from - pm - 1;
    pm += 2 + (text?.length ?? 0);
  }
  return fallback;
}
