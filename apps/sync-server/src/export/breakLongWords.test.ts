import { describe, expect, it } from 'vitest';
import { BREAK_OPPORTUNITY, breakLongWords } from './breakLongWords.js';

const runs = (text: string) => text.split(/[\s\u200b]/u).map((run) => run.length);

describe('breakLongWords', () => {
  it('leaves ordinary text, long French words and URLs alone', () => {
    const sentence = 'L’anticonstitutionnellement célèbre « Cœur de Loire » vise 15 500,00 € en 2027.';
    expect(breakLongWords(sentence)).toBe(sentence);
    const url = 'https://www.tzcld.fr/wp-content/uploads/2021/03/rapport-final-du-comite-local.pdf?version=2';
    expect(breakLongWords(url)).toBe(url);
  });

  it('gives a run without break opportunity one every 40 characters, invisibly and without losing a character', () => {
    const word = 'a'.repeat(30 * 1024);
    const broken = breakLongWords(word);
    expect(broken.replaceAll(BREAK_OPPORTUNITY, '')).toBe(word);
    expect(Math.max(...runs(broken))).toBe(40);
    expect(broken.split(BREAK_OPPORTUNITY)).toHaveLength(Math.ceil(word.length / 40));
    // The same for a long run of spaces and for digits after slashes, where UAX #14 allows no break.
    expect(Math.max(...breakLongWords(`a${' '.repeat(500)}b`).split(BREAK_OPPORTUNITY).map((run) => run.length))).toBeLessThanOrEqual(41);
    expect(Math.max(...runs(breakLongWords('/1'.repeat(300))))).toBe(40);
  });

  it('counts from every space, so text around a long word is untouched', () => {
    const broken = breakLongWords(`Voir ${'x'.repeat(100)} puis la suite.`);
    expect(broken).toBe(`Voir ${'x'.repeat(40)}${BREAK_OPPORTUNITY}${'x'.repeat(40)}${BREAK_OPPORTUNITY}${'x'.repeat(20)} puis la suite.`);
  });

  it('never splits a surrogate pair, an accent from its letter, or an emoji sequence', () => {
    for (const unit of ['😀', 'e\u0301', '👩\u200d💻', '👍🏽']) {
      const text = unit.repeat(200);
      const pieces = breakLongWords(text).split(BREAK_OPPORTUNITY);
      expect(pieces.length).toBeGreaterThan(1);
      for (const piece of pieces) expect(piece.length % unit.length).toBe(0);
      expect(pieces.join('')).toBe(text);
    }
  });
});
