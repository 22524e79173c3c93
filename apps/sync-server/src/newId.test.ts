import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { newId } from './newId.js';

/** Draws that begin with `-` in base64url: a first byte of 0xF8–0xFB (index 62 in the alphabet). */
const dashFirst = (size: number) =>
  fc.tuple(fc.integer({ min: 0xf8, max: 0xfb }), fc.uint8Array({ minLength: size - 1, maxLength: size - 1 })).map(([first, rest]) => Uint8Array.of(first, ...rest));

describe('newId', () => {
  it('never begins with « - », whatever the random draws, and keeps the length of base64url', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }).chain((size) =>
          fc.tuple(fc.constant(size), fc.array(fc.oneof(dashFirst(size), fc.uint8Array({ minLength: size, maxLength: size })), { maxLength: 8 })),
        ),
        ([size, draws]) => {
          const queue = [...draws];
          // The scripted draws first, then real ones: a generator that re-draws must end.
          const id = newId(size, (n) => {
            return queue.shift() ?? crypto.getRandomValues(new Uint8Array(n));
          });
          expect(id.startsWith('-')).toBe(false);
          expect(id).toMatch(DOCUMENT_ID_PATTERN);
          expect(id).toHaveLength(Math.ceil((size * 4) / 3));
          // A draw is kept as it is unless it begins with « - »: ids keep their old format.
          const firstKept = draws.find((draw) => Buffer.from(draw).toString('base64url')[0] !== '-');
          if (firstKept) expect(id).toBe(Buffer.from(firstKept).toString('base64url'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('draws from the system’s random source by default', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newId(12)));
    expect(ids.size).toBe(500);
    expect([...ids].some((id) => id.startsWith('-'))).toBe(false);
  });
});
