import { describe, expect, it } from 'vitest';
import { formatEuros, parseFrenchAmount } from './parseFrenchAmount.js';

describe('parseFrenchAmount', () => {
  it.each([
    ['1 234,56 €', 1234.56],
    ['1\u202f234,56 €', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.500', 1500],
    ['12 000 €', 12000],
    ['-250 €', -250],
    ['0,5', 0.5],
    ['42', 42],
    ['€ 300', 300],
    ['300 euros', 300],
  ])('reads « %s » as %d', (text, expected) => {
    expect(parseFrenchAmount(text)).toBeCloseTo(expected, 6);
  });

  it.each(['', 'abc', '12 abc', '1,2,3', '1.2.3,4,5', '1..2', '€'])('refuses « %s »', (text) => {
    expect(parseFrenchAmount(text)).toBeNull();
  });

  it('formats euros the French way', () => {
    expect(formatEuros(1234.5).replace(/\s/g, ' ')).toBe('1 234,50 €');
  });
});
