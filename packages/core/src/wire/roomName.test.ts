import { describe, expect, it } from 'vitest';
import { isValidDocumentId, parseRoomName, reviewRoomOf, roomNameOf } from './roomName.js';

describe('room names', () => {
  it('names the content room after the document and the review room after it with /review', () => {
    expect(roomNameOf('abc_DEF-1', 'content')).toBe('abc_DEF-1');
    expect(roomNameOf('abc_DEF-1', 'review')).toBe('abc_DEF-1/review');
    expect(reviewRoomOf('abc_DEF-1')).toBe('abc_DEF-1/review');
  });

  it('parses both layers back, and refuses a name whose document id is not of the safe alphabet', () => {
    expect(parseRoomName('abc')).toEqual({ docId: 'abc', layer: 'content' });
    expect(parseRoomName('abc/review')).toEqual({ docId: 'abc', layer: 'review' });
    for (const bad of ['', '/review', 'a/b', '../x', 'abc/review/review', 'é', 'a'.repeat(65)]) expect(parseRoomName(bad)).toBeUndefined();
    expect(isValidDocumentId('a'.repeat(64))).toBe(true);
  });
});
