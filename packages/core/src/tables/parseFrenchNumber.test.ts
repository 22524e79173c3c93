import { describe, expect, it } from 'vitest';
import { parseFrenchNumber, parseFrenchPercent, parseQuantity } from './parseFrenchNumber.js';

describe('parseFrenchNumber', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['-3', -3],
    ['0,75', 0.75],
  ])('reads « %s »', (text, value) => {
    expect(parseFrenchNumber(text)).toBeCloseTo(value, 6);
  });

  it.each(['12 €', '3 euros', 'douze', ''])('refuses « %s »', (text) => {
    expect(parseFrenchNumber(text)).toBeNull();
  });

  it('reads percentages with or without a space', () => {
    expect(parseFrenchPercent('12,5 %')).toBe(12.5);
    expect(parseFrenchPercent('12,5%')).toBe(12.5);
    expect(parseFrenchPercent('80')).toBe(80);
    expect(parseFrenchPercent('beaucoup %')).toBeNull();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['120', { value: 120, unit: '' }],
    ['120 personnes', { value: 120, unit: 'personnes' }],
    ['80 %', { value: 80, unit: '%' }],
    ['≥ 60 %', { value: 60, unit: '%' }],
    ['au moins 1 200 €', { value: 1200, unit: '€' }],
    ['1\u202f200 heures', { value: 1200, unit: 'heures' }],
    ['12,5 jours', { value: 12.5, unit: 'jours' }],
    ['-4 sorties', { value: -4, unit: 'sorties' }],
  ])('reads « %s »', (text, quantity) => {
    expect(parseQuantity(text)).toEqual(quantity);
  });

  it.each(['', 'à définir', 'cent personnes'])('refuses « %s »', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});
