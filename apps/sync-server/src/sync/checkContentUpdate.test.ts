import { DOCUMENT_FIELD, MAX_DOCUMENT_DEPTH, documentShape, type ProseMirrorJSON } from '@canevas/core';
import { proseMirrorJSONToUpdate } from '@canevas/core/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RefusedUpdateError, checkContentUpdate, type ContentUpdateLimits } from './checkContentUpdate.js';

/** Checks `update` against `server`, then applies it when accepted (as DocumentRoom does). */
function offer(server: Y.Doc, update: Uint8Array, limits?: ContentUpdateLimits): void {
  checkContentUpdate(server, Y.decodeUpdate(update).structs, limits);
  Y.applyUpdate(server, update);
}

/** What `client` holds that `server` lacks. */
function diff(client: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

function paragraph(text: string, marks?: ProseMirrorJSON['marks']): ProseMirrorJSON {
  return { type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] };
}

function nestedBlockquotes(levels: number): ProseMirrorJSON {
  let node = paragraph('au fond');
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

/** A client doc that already holds what `server` holds. */
function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

const refused = RefusedUpdateError;

describe('checkContentUpdate', () => {
  it('accepts a document made from the shared schema, then edits to it', () => {
    const server = new Y.Doc();
    offer(server, proseMirrorJSONToUpdate({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, sectionId: 's1' }, content: [{ type: 'text', text: 'Titre' }] },
        paragraph('gras et lien', [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }]),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('un')] }] },
        nestedBlockquotes(MAX_DOCUMENT_DEPTH - 1).content![0]!,
      ],
    }));
    const client = clientOf(server);
    const body = client.getXmlFragment(DOCUMENT_FIELD);
    const heading = body.get(0) as Y.XmlElement;
    const text = heading.get(0) as Y.XmlText;
    text.insert(5, ' modifié', { italic: true });
    text.format(0, 2, { 'strike--AbCd1234': {} });
    heading.setAttribute('level', 3 as unknown as string);
    body.insert(1, [new Y.XmlElement('horizontalRule')]);
    offer(server, diff(client, server));
    // Deletions alone carry no struct.
    text.delete(0, 3);
    offer(server, diff(client, server));
    expect(server.getXmlFragment(DOCUMENT_FIELD).length).toBe(5);
  });

  it.each([
    ['Y.Array', (doc: Y.Doc) => doc.getArray(DOCUMENT_FIELD).insert(0, [1])],
    ['Y.Text', (doc: Y.Doc) => doc.getText(DOCUMENT_FIELD).insert(0, 'x')],
    ['Y.Map', (doc: Y.Doc) => doc.getMap(DOCUMENT_FIELD).set('a', 1)],
    ['another root', (doc: Y.Doc) => doc.getXmlFragment('meta').insert(0, [new Y.XmlElement('paragraph')])],
    ['a string in the body', (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FIELD).insert(0, ['texte' as unknown as Y.XmlText])],
  ])('refuses the body typed as %s, on an empty doc and on a written one', (_label, write) => {
    const empty = new Y.Doc();
    const attacker = new Y.Doc();
    write(attacker);
    const update = Y.encodeStateAsUpdate(attacker);
    expect(() => offer(empty, update)).toThrow(refused);
    expect(Y.encodeStateVector(empty)).toEqual(Y.encodeStateVector(new Y.Doc()));

    const written = new Y.Doc();
    Y.applyUpdate(written, proseMirrorJSONToUpdate({ type: 'doc', content: [paragraph('texte')] }));
    const client = clientOf(written);
    write(client);
    expect(() => offer(written, diff(client, written))).toThrow(refused);
  });

  it('refuses elements, marks and attributes the schema does not know, wherever they go', () => {
    const server = new Y.Doc();
    offer(server, proseMirrorJSONToUpdate({ type: 'doc', content: [paragraph('texte')] }));
    const attempts: ((body: Y.XmlFragment) => void)[] = [
      (body) => body.insert(0, [new Y.XmlElement('script')]),
      (body) => body.insert(0, [new Y.XmlElement('doc')]),
      (body) => (body.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement('iframe')]),
      (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { blink: {} }),
      (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, 'x', { 'blink--AbCd1234': {} }),
      (body) => (body.get(0) as Y.XmlElement).setAttribute('onclick', 'alert(1)'),
      (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).setAttribute('style', 'x'),
      (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(0, { image: 'x' }),
      (body) => (body.get(0) as Y.XmlElement).insert(0, [new Y.Array() as unknown as Y.XmlText]),
      (body) => (body.get(0) as Y.XmlElement).insert(0, ['texte' as unknown as Y.XmlText]),
      (body) => body.insert(1, [new Y.XmlHook('hook') as unknown as Y.XmlElement]),
    ];
    for (const attempt of attempts) {
      const client = clientOf(server);
      attempt(client.getXmlFragment(DOCUMENT_FIELD));
      expect(() => offer(server, diff(client, server)), attempt.toString()).toThrow(refused);
    }
  });

  it('refuses hundreds of nested blockquotes sent at once, and one level too many added to a deep doc', () => {
    // Built one level at a time (y-prosemirror's own conversion overflows the stack at 3,000,
    // which the integration test sends); 500 keeps this unit test fast.
    const attacker = new Y.Doc();
    attacker.transact(() => {
      let level: Y.XmlFragment = attacker.getXmlFragment(DOCUMENT_FIELD);
      for (let i = 0; i < 500; i++) {
        const blockquote = new Y.XmlElement('blockquote');
        level.insert(0, [blockquote]);
        level = blockquote;
      }
    });
    expect(() => offer(new Y.Doc(), Y.encodeStateAsUpdate(attacker))).toThrow(/deeper than 64/);

    const server = new Y.Doc();
    offer(server, proseMirrorJSONToUpdate(nestedBlockquotes(MAX_DOCUMENT_DEPTH - 1)));
    const client = clientOf(server);
    let deepest = client.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
    while (deepest.get(0) instanceof Y.XmlElement && (deepest.get(0) as Y.XmlElement).nodeName === 'blockquote') {
      deepest = deepest.get(0) as Y.XmlElement;
    }
    // At the limit, after the paragraph: its parent is found through its left neighbour, in the doc.
    const last = new Y.XmlElement('blockquote');
    deepest.insert(1, [last]);
    offer(server, diff(client, server));
    // Inside an element of the doc: its parent is named, and its depth found by walking up.
    last.insert(0, [new Y.XmlElement('paragraph')]);
    expect(() => offer(server, diff(client, server))).toThrow(/deeper than 64/);
  });

  it('checks structs left pending when the update they waited for arrives', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const body = client.getXmlFragment(DOCUMENT_FIELD);
    const outer = new Y.XmlElement('blockquote');
    body.insert(0, [outer]);
    const first = Y.encodeStateAsUpdate(client);
    const inner = new Y.XmlElement('blockquote');
    outer.insert(0, [inner]);
    const second = diff(client, server);
    const secondOnly = Y.diffUpdate(second, Y.encodeStateVectorFromUpdate(first));
    const limits = { maxDepth: 1 };
    // The nested blockquote comes first: its parent is unknown, so Yjs keeps it pending.
    offer(server, secondOnly, limits);
    expect(server.store.pendingStructs).not.toBeNull();
    // The parent arrives: it would let the pending blockquote in at depth 2.
    expect(() => offer(server, first, limits)).toThrow(refused);
  });

  it('takes its limits from the shared schema, defined once', () => {
    const shape = documentShape();
    expect([...shape.elements.keys()]).toEqual(expect.arrayContaining(['paragraph', 'heading', 'typedTable', 'typedTableCell', 'hardBreak']));
    expect(shape.elements.has('doc')).toBe(false);
    expect(shape.elements.has('text')).toBe(false);
    expect(shape.elements.get('heading')).toEqual(new Set(['sectionId', 'level']));
    expect([...shape.marks]).toEqual(expect.arrayContaining(['bold', 'italic', 'link']));
  });
});

// ---- Property: valid documents pass, any foreign addition does not. ----

const KNOWN_MARKS = ['bold', 'italic', 'code', 'strike', 'underline'] as const;
const textArb = fc.string({ minLength: 1, maxLength: 8 });
const paragraphArb = fc
  .tuple(textArb, fc.subarray([...KNOWN_MARKS]))
  .map(([text, marks]) => paragraph(text, marks.length > 0 ? marks.map((type) => ({ type })) : undefined));

const blockArb: fc.Arbitrary<ProseMirrorJSON> = fc.letrec<{ block: ProseMirrorJSON }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 4, withCrossShrink: true },
    paragraphArb,
    fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.integer({ min: 1, max: 4 }) }), content: fc.tuple(textArb).map(([text]) => [{ type: 'text', text }]) }),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((content) => ({ type: 'blockquote', content })),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'bulletList', content: [{ type: 'listItem', content }] })),
  ),
})).block;

const docArb = fc.array(blockArb, { minLength: 1, maxLength: 4 }).map((content): ProseMirrorJSON => ({ type: 'doc', content }));

const shape = documentShape();
const knownAttributes = new Set([...shape.elements.values()].flatMap((attributes) => [...attributes]));
const foreignName = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((name) => !shape.elements.has(name) && !shape.marks.has(name) && !knownAttributes.has(name) && !name.includes('--'));

/** Every element of a body, in document order. */
function elementsOf(body: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [body];
  while (stack.length > 0) {
    const type = stack.pop()!;
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        found.push(child);
        stack.push(child);
      }
    }
  }
  return found;
}

type Mutation = (body: Y.XmlFragment, pick: number) => void;

const mutationArb: fc.Arbitrary<{ label: string; apply: Mutation }> = fc.oneof(
  foreignName.map((name) => ({ label: `element ${name}`, apply: (body: Y.XmlFragment, pick: number) => targetOf(body, pick).insert(0, [new Y.XmlElement(name)]) })),
  foreignName.map((name) => ({
    label: `mark ${name}`,
    apply: (body: Y.XmlFragment, pick: number) => {
      const texts = elementsOf(body).flatMap((element) => element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText));
      texts[pick % texts.length]!.insert(0, 'x', { [name]: {} });
    },
  })),
  foreignName.map((name) => ({ label: `attribute ${name}`, apply: (body: Y.XmlFragment, pick: number) => targetOf(body, pick).setAttribute(name, 'x') })),
  fc.constantFrom<[string, () => unknown]>(['Y.Array', () => new Y.Array()], ['Y.Map', () => new Y.Map()], ['Y.Text', () => new Y.Text()], ['a string', () => 'texte'], ['a number', () => 42]).map(([label, make]) => ({
    label,
    apply: (body: Y.XmlFragment, pick: number) => targetOf(body, pick).insert(0, [make() as Y.XmlText]),
  })),
  fc.constantFrom('Y.Array', 'Y.Text', 'other root').map((label) => ({
    label,
    apply: (body: Y.XmlFragment) => {
      const doc = body.doc!;
      if (label === 'Y.Array') doc.getArray('notes').insert(0, [1]);
      else if (label === 'Y.Text') doc.getText('titre').insert(0, 'x');
      else doc.getXmlFragment('autre').insert(0, [new Y.XmlElement('paragraph')]);
    },
  })),
  fc.integer({ min: 1, max: 3 }).map((extra) => ({
    label: `${extra} levels too deep`,
    apply: (body: Y.XmlFragment) => {
      let outer = new Y.XmlElement('blockquote');
      const top = outer;
      for (let i = 1; i < FUZZ_DEPTH + extra; i++) {
        const inner = new Y.XmlElement('blockquote');
        outer.insert(0, [inner]);
        outer = inner;
      }
      body.insert(body.length, [top]);
    },
  })),
);

/** A small bound keeps the property fast; the default is tested above. */
const FUZZ_DEPTH = 12;

function targetOf(body: Y.XmlFragment, pick: number): Y.XmlElement {
  const elements = elementsOf(body);
  return elements[pick % elements.length]!;
}

describe('checkContentUpdate against the schema (property)', () => {
  it('accepts every valid document, whole or as edits', () => {
    fc.assert(
      fc.property(docArb, docArb, (first, second) => {
        const server = new Y.Doc();
        offer(server, proseMirrorJSONToUpdate(first), { maxDepth: FUZZ_DEPTH });
        // A second valid document spliced in through a client: edits with origins in the doc.
        const client = clientOf(server);
        const other = new Y.Doc();
        Y.applyUpdate(other, proseMirrorJSONToUpdate(second));
        const copies = other.getXmlFragment(DOCUMENT_FIELD).toArray().map((child) => (child as Y.XmlElement).clone());
        client.getXmlFragment(DOCUMENT_FIELD).insert(1, copies);
        offer(server, diff(client, server), { maxDepth: FUZZ_DEPTH });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses every mutation that brings in a foreign type, name or depth, and leaves the doc as it was', () => {
    fc.assert(
      fc.property(docArb, mutationArb, fc.nat(), (json, mutation, pick) => {
        const server = new Y.Doc();
        offer(server, proseMirrorJSONToUpdate(json), { maxDepth: FUZZ_DEPTH });
        const before = Y.encodeStateVector(server);
        const client = clientOf(server);
        mutation.apply(client.getXmlFragment(DOCUMENT_FIELD), pick);
        expect(() => offer(server, diff(client, server), { maxDepth: FUZZ_DEPTH }), mutation.label).toThrow(refused);
        expect(Y.encodeStateVector(server)).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });
});
