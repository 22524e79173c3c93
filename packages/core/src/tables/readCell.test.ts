import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../referential/tablePresets.js';
import { readCell } from './readCell.js';

const statuses = { type: 'enum', enum: [...ACTION_STATUSES] };

describe('readCell', () => {
  it('reads amounts, keeping the typed text', () => {
    expect(readCell('1\u202f234,56 €', { type: 'eur' })).toEqual({ type: 'eur', raw: '1\u202f234,56 €', value: 1234.56 });
    expect(readCell(' -250 ', { type: 'eur' })).toEqual({ type: 'eur', raw: ' -250 ', value: -250 });
    expect(readCell('douze mille', { type: 'eur' })).toEqual({
      type: 'eur',
      raw: 'douze mille',
      error: 'Montant illisible : « douze mille ». Écrivez par exemple 1 234,56 €.',
    });
  });

  it('accepts at most two decimals in euros, and keeps what was typed', () => {
    const error = '1234,567 : au plus deux décimales pour un montant en euros.';
    expect(readCell('1234,567', { type: 'eur' })).toEqual({ type: 'eur', raw: '1234,567', error });
    expect(readCell('1.234,567 €', { type: 'eur' }).error).toBe('1.234,567 € : au plus deux décimales pour un montant en euros.');
    expect(readCell('0,001', { type: 'eur' }).error).toBeDefined();
    for (const [text, value] of [['0,29', 0.29], ['1 234,5', 1234.5], ['1.234', 1234], ['1234.56', 1234.56], ['-0,10 €', -0.1]] as const) {
      expect(readCell(text, { type: 'eur' })).toEqual({ type: 'eur', raw: text, value });
    }
    // Numbers that are not money keep their decimals.
    expect(readCell('1234,567', { type: 'number' }).value).toBe(1234.567);
  });

  it('reads numbers and percentages', () => {
    expect(readCell('1 234,5', { type: 'number' })).toMatchObject({ value: 1234.5 });
    expect(readCell('12 €', { type: 'number' })).toMatchObject({ error: 'Nombre illisible : « 12 € ». Écrivez par exemple 1 234,5.' });
    expect(readCell('12,5 %', { type: 'percent' })).toMatchObject({ value: 12.5 });
    expect(readCell('moitié', { type: 'percent' })).toMatchObject({ error: 'Pourcentage illisible : « moitié ». Écrivez par exemple 12,5 %.' });
  });

  it('reads dates as ISO', () => {
    expect(readCell('15/06/2026', { type: 'date' })).toEqual({ type: 'date', raw: '15/06/2026', value: '2026-06-15' });
    expect(readCell('30/02/2026', { type: 'date' }).error).toBe('Date impossible : « 30/02/2026 » — février 2026 compte 28 jours.');
  });

  it('matches options regardless of case and accents, and lists them when it cannot', () => {
    expect(readCell('terminee', statuses)).toEqual({ type: 'enum', raw: 'terminee', value: 'Terminée' });
    expect(readCell('  EN COURS ', statuses)).toMatchObject({ value: 'En cours' });
    expect(readCell('Fini', statuses)).toEqual({
      type: 'enum',
      raw: 'Fini',
      error: '« Fini » ne fait pas partie des valeurs proposées : « À faire », « En cours », « Terminée », « Abandonnée ».',
    });
    expect(readCell('Libre', { type: 'enum' })).toMatchObject({ value: 'Libre' });
  });

  it('leaves blank cells without value or error, whatever the type', () => {
    for (const type of ['text', 'eur', 'number', 'percent', 'date', 'enum']) {
      const cell = readCell('  ', { type, enum: ['A'] });
      expect(cell.value, type).toBeUndefined();
      expect(cell.error, type).toBeUndefined();
    }
  });

  it('reads an unknown column type as text', () => {
    expect(readCell(' Mairie ', { type: 'couleur' })).toEqual({ type: 'text', raw: ' Mairie ', value: 'Mairie' });
  });
});
