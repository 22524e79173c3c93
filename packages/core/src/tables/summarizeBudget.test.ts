import { describe, expect, it } from 'vitest';
import { tablePresets } from '../referential/tablePresets.js';
import { summarizeBudget } from './summarizeBudget.js';
import { tableFixture } from './tableFixture.js';

const budget = (rows: Record<string, string>[]) => summarizeBudget(tableFixture(tablePresets.budget, rows));

describe('summarizeBudget', () => {
  it('is all zeros for an empty budget, which counts as balanced', () => {
    const summary = budget([{}, {}]);
    expect(summary).toMatchObject({
      charges: { total: 0, count: 0 },
      produits: { total: 0, count: 0 },
      balance: 0,
      balanced: true,
      bySource: [],
      byCategory: [],
      invalid: [],
      unclassified: [],
      excluded: [],
    });
  });

  it('totals charges and produits in French formats, to the cent', () => {
    const summary = budget([
      { poste: 'Chargée de projet', nature: 'Charge', categorie: 'Personnel', montant: '42\u202f000,10 €' },
      { poste: 'Communication', nature: 'charge', categorie: 'Fonctionnement', montant: '1 500,20' },
      { poste: 'Remise', nature: 'Charge', categorie: 'Fonctionnement', montant: '-0,30 €' },
      { poste: 'Département', nature: 'Produit', montant: '30\u00a0000', source: 'Subvention publique' },
      { poste: 'Fondation', nature: 'Produit', montant: '13.500', source: 'mécénat' },
    ]);
    expect(summary.charges).toEqual({ total: 43500, count: 3 });
    expect(summary.produits).toEqual({ total: 43500, count: 2 });
    expect(summary.balance).toBe(0);
    expect(summary.balanced).toBe(true);
  });

  it('gives the balance as produits − charges', () => {
    const summary = budget([
      { nature: 'Charge', montant: '12 000 €' },
      { nature: 'Produit', montant: '10 000,00' },
    ]);
    expect(summary.balance).toBe(-2000);
    expect(summary.balanced).toBe(false);
  });

  it('totals by funding source in the column’s order, blank last, and by category', () => {
    const summary = budget([
      { nature: 'Produit', montant: '100', source: 'Subvention publique', categorie: 'État' },
      { nature: 'Produit', montant: '50' },
      { nature: 'Produit', montant: '200', source: 'Partenariat', categorie: 'Entreprises' },
      { nature: 'Charge', montant: '70', source: 'Partenariat', categorie: 'Entreprises' },
      { nature: 'Produit', montant: '25', source: 'Subvention publique' },
    ]);
    expect(summary.bySource).toEqual([
      { key: 'Partenariat', charges: 70, produits: 200, count: 2 },
      { key: 'Subvention publique', charges: 0, produits: 125, count: 2 },
      { key: null, charges: 0, produits: 50, count: 1 },
    ]);
    expect(summary.byCategory.map((g) => [g.key, g.charges, g.produits])).toEqual([
      ['État', 0, 100],
      ['Entreprises', 70, 200],
      [null, 0, 75],
    ]);
  });

  it('leaves unreadable amounts out of the totals and lists them, text intact', () => {
    const summary = budget([
      { nature: 'Charge', montant: 'douze mille' },
      { nature: 'Charge', montant: '1,2,3' },
      { nature: 'Charge', montant: '100' },
      { nature: 'Produit', montant: '' },
    ]);
    expect(summary.charges).toEqual({ total: 100, count: 1 });
    expect(summary.invalid.map((e) => [e.row, e.column, e.raw])).toEqual([
      [0, 'montant', 'douze mille'],
      [1, 'montant', '1,2,3'],
    ]);
    expect(summary.invalid[0]!.message).toBe('Montant illisible : « douze mille ». Écrivez par exemple 1 234,56 €.');
  });

  it('does not guess the side of an amount without a valid nature', () => {
    const summary = budget([
      { poste: 'Loyer', montant: '800' },
      { poste: 'Don', nature: 'Cadeau', montant: '300' },
      { poste: 'Frais', nature: 'Dépenses', montant: '20' },
    ]);
    expect(summary.unclassified).toEqual([0, 1, 2]);
    expect(summary.invalid).toEqual([]);
    expect(summary.charges).toEqual({ total: 0, count: 0 });
  });

  it('counts a row with a cell to correct nowhere: totals, groups and chart agree with « non comptées »', () => {
    const table = tableFixture(tablePresets.budget, [
      { poste: 'Salaires', nature: 'Charge', categorie: 'Personnel', montant: '1 000' },
      // « Charges fixes » reads like a charge but is not one of the offered values.
      { poste: 'Loyer', nature: 'Charges fixes', categorie: 'Locaux', montant: '500' },
      { poste: 'Matériel', nature: 'Charge', categorie: 'Personnel', montant: '1234,567' },
      { poste: 'Subvention', nature: 'Produit', montant: '700', source: 'Loterie' },
      { poste: 'Département', nature: 'Produit', montant: '1 000', source: 'Subvention publique' },
    ]);
    expect(table.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'nature'],
      [2, 'montant'],
      [3, 'source'],
    ]);
    const summary = summarizeBudget(table);
    expect(summary.charges).toEqual({ total: 1000, count: 1 });
    expect(summary.produits).toEqual({ total: 1000, count: 1 });
    expect(summary.balanced).toBe(true);
    expect(summary.byCategory).toEqual([
      { key: 'Personnel', charges: 1000, produits: 0, count: 1 },
      { key: null, charges: 0, produits: 1000, count: 1 },
    ]);
    expect(summary.bySource).toEqual([
      { key: 'Subvention publique', charges: 0, produits: 1000, count: 1 },
      { key: null, charges: 1000, produits: 0, count: 1 },
    ]);
    expect(summary.invalid).toEqual([
      { row: 2, column: 'montant', raw: '1234,567', message: '1234,567 : au plus deux décimales pour un montant en euros.' },
    ]);
    expect(summary.unclassified).toEqual([1]);
    expect(summary.excluded).toEqual([1, 2, 3]);
  });

  it('finds the amount column by type when the template renames it', () => {
    const table = tableFixture(
      {
        kind: 'budget',
        columns: [
          { id: 'nature', label: 'Nature', type: 'enum', enum: ['Charge', 'Produit'] },
          { id: 'cout', label: 'Coût', type: 'eur' },
        ],
      },
      [{ nature: 'Charge', cout: '10' }],
    );
    expect(summarizeBudget(table).charges.total).toBe(10);
  });
});
