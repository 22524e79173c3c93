import { describe, expect, it } from 'vitest';
import { countWords } from './countWords.js';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Mobiliser le territoire.', 3],
    ['« Bonjour ! » dit-elle ; puis : rien ?', 4],
    ['l’équipe d’animation', 4],
    ["aujourd'hui qu’il", 3],
    ['L’Équipe', 2],
    ['peut-être Saint-Étienne', 2],
    ['1\u202f234,56 € de charges', 3],
    ['le 15/06/2026 à 9 h', 5],
    ['3,5 % — soit 12.5', 3],
    ['  \n\t ', 0],
  ])('counts « %s » as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
