import { documentSchema } from '@canevas/core/editor';
import { describe, expect, it } from 'vitest';
import { diffMapping } from './diffMapping.js';

const schema = documentSchema();
const doc = (...paragraphs: string[]) =>
  schema.nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
  });

describe('diffMapping', () => {
  it('is null for equal documents', () => {
    expect(diffMapping(doc('Le diagnostic'), doc('Le diagnostic'))).toBeNull();
  });

  it('maps positions around an insertion before, inside and after a passage', () => {
    // « diagnostic » spans 4–14 in the first paragraph.
    const before = doc('Le diagnostic partagé', 'Suite');
    const typedBefore = diffMapping(before, doc('Oui, le diagnostic partagé', 'Suite'))!;
    expect([typedBefore.map(4, -1), typedBefore.map(14, 1)]).toEqual([9, 19]);
    const typedInside = diffMapping(before, doc('Le diagnostic très partagé', 'Suite'))!;
    expect([typedInside.map(4, 1), typedInside.map(14, -1)]).toEqual([4, 14]);
    const typedElsewhere = diffMapping(before, doc('Le diagnostic partagé', 'La suite'))!;
    expect([typedElsewhere.map(4), typedElsewhere.map(14)]).toEqual([4, 14]);
  });

  it('reports a passage deleted whole as deleted', () => {
    const mapping = diffMapping(doc('Avant le passage après'), doc('Avant  après'))!;
    expect(mapping.mapResult(10, 1).deleted).toBe(true);
    expect(mapping.map(1)).toBe(1);
  });

  it('keeps a consistent range when repeated characters make the change ambiguous', () => {
    // « aaa » → « aaaa »: the diff from the left and from the right overlap.
    const mapping = diffMapping(doc('aaa'), doc('aaaa'))!;
    expect(mapping.map(0)).toBe(0);
    expect(mapping.map(5)).toBe(6);
  });
});
