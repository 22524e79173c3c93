import { describe, expect, it } from 'vitest';
import { tablePresets } from '../referential/tablePresets.js';
import { computedRows } from './computedRows.js';
import { tableFixture } from './tableFixture.js';

const TODAY = '2026-06-15';
/** Intl separates thousands with a narrow no-break space; compare with plain spaces. */
const lines = (rows: { label: string; value: string; tone: string }[]) =>
  rows.map((r) => `${r.label} : ${r.value.replace(/[\u202f\u00a0]/g, ' ')}${r.tone === 'warning' ? ' (!)' : ''}`);

describe('computedRows', () => {
  it('budget: totals, balance, produits by source, unreadable cells', () => {
    const table = tableFixture(tablePresets.budget, [
      { poste: 'Salaires', nature: 'Charge', montant: '12 000 €' },
      { poste: 'Département', nature: 'Produit', montant: '8 000', source: 'Subvention publique' },
      { poste: 'Fondation', nature: 'Produit', montant: '2 500,50', source: 'Mécénat' },
      { poste: 'Vente', nature: 'Produit', montant: '100' },
      { poste: 'Don', nature: 'Produit', montant: 'mille' },
    ]);
    expect(lines(computedRows(table, TODAY))).toEqual([
      'Total des charges : 12 000,00 €',
      'Total des produits : 10 600,50 €',
      'Solde (produits − charges) : -1 399,50 € (déficit) (!)',
      'Produits — Mécénat : 2 500,50 €',
      'Produits — Subvention publique : 8 000,00 €',
      'Produits sans source de financement : 100,00 € (!)',
      'Cellules à corriger (non comptées) : 1 (!)',
    ]);
  });

  it('budget: a row with a cell to correct is listed as such and counted in no line', () => {
    const table = tableFixture(tablePresets.budget, [
      { poste: 'Salaires', nature: 'Charge', montant: '1 000' },
      { poste: 'Loyer', nature: 'Charges fixes', montant: '500' },
      { poste: 'Matériel', nature: 'Charge', montant: '1234,567' },
      { poste: 'Europe', nature: 'Produit', montant: '700', source: 'Loterie' },
    ]);
    expect(lines(computedRows(table, TODAY))).toEqual([
      'Total des charges : 1 000,00 €',
      'Total des produits : 0,00 €',
      'Solde (produits − charges) : -1 000,00 € (déficit) (!)',
      'Montants sans nature (ni charge ni produit) : 1 (!)',
      'Cellules à corriger (non comptées) : 3 (!)',
    ]);
  });

  it('budget: an empty budget is balanced at zero', () => {
    expect(lines(computedRows(tableFixture(tablePresets.budget, [{}]), TODAY))).toEqual([
      'Total des charges : 0,00 €',
      'Total des produits : 0,00 €',
      'Solde (produits − charges) : 0,00 € (équilibré)',
    ]);
  });

  it('action plan: actions per phase and late actions', () => {
    const table = tableFixture(tablePresets.actionPlan(['Mobilisation', 'Consensus']), [
      { action: 'Porte-à-porte', phase: 'Mobilisation', echeance: '01/06/2026', statut: 'En cours' },
      { action: 'Forum', phase: 'Mobilisation', echeance: '01/09/2026' },
    ]);
    expect(lines(computedRows(table, TODAY))).toEqual([
      'Phase « Mobilisation » : 2 actions, dont 1 en retard (!)',
      'Phase « Consensus » : 0 action (!)',
      'Actions en retard : Porte-à-porte (!)',
    ]);
  });

  it('stakeholders: counts per level and those without one', () => {
    const table = tableFixture(tablePresets.stakeholders, [
      { acteur: 'Mairie', implication: 'Actif' },
      { acteur: 'CCAS' },
    ]);
    expect(lines(computedRows(table, TODAY))).toEqual([
      'Absent : 0 acteur',
      'Informé : 0 acteur',
      'Consulté : 0 acteur',
      'Associé : 0 acteur',
      'Actif : 1 acteur',
      "Sans niveau d’implication : 1 acteur (!)",
    ]);
  });

  it('indicators: écart per indicator, or why it is not computed', () => {
    const table = tableFixture(tablePresets.indicators, [
      { indicateur: 'Personnes rencontrées', cible: '120', realise: '1 132' },
      { indicateur: 'Taux de sortie', cible: '60 %', realise: '45,5 %' },
      { indicateur: 'Ateliers', cible: '10' },
      { indicateur: 'Partenaires' },
    ]);
    expect(lines(computedRows(table, TODAY))).toEqual([
      'Écart — Personnes rencontrées : +1 012',
      'Écart — Taux de sortie : -14,5 % (!)',
      'Écart — Ateliers : non calculé (pas encore de réalisé)',
      'Écart — Partenaires : non calculé (pas de cible) (!)',
    ]);
  });

  it('other tables: the total of each amount column', () => {
    const table = tableFixture(
      {
        kind: 'custom',
        columns: [
          { id: 'financeur', label: 'Financeur', type: 'text' },
          { id: 'montant', label: 'Montant visé', type: 'eur' },
          { id: 'echeance', label: 'Échéance', type: 'date' },
        ],
      },
      [
        { financeur: 'Région', montant: '5 000', echeance: '31/02/2026' },
        { financeur: 'Fondation', montant: '0,10' },
        { financeur: 'Ville', montant: '0,20' },
      ],
    );
    expect(lines(computedRows(table, TODAY))).toEqual(['Total « Montant visé » : 5 000,30 €', 'Cellules à corriger (non comptées) : 1 (!)']);
  });
});
