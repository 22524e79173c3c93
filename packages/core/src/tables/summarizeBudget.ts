import { normalizeText } from '../completeness/normalizeText.js';
import { columnOf, cellOf, textOf } from './columnOf.js';
import { readEuros } from './readCell.js';
import type { CellError, TypedTableData } from './TableModel.js';

export type BudgetNature = 'charge' | 'produit';

/** Totals per group (funding source, category); `null` is a row that leaves the column blank. */
export interface BudgetGroupTotal {
  key: string | null;
  charges: number;
  produits: number;
  count: number;
}

export interface BudgetSummary {
  charges: { total: number; count: number };
  produits: { total: number; count: number };
  /** Produits − charges: negative when the charges are not covered. */
  balance: number;
  /** True when the balance is zero to the cent. */
  balanced: boolean;
  /** By funding source, in the column's option order, then other values, then blank. */
  bySource: BudgetGroupTotal[];
  /** By category, in order of appearance, blank last. */
  byCategory: BudgetGroupTotal[];
  /** Unreadable amounts (or with more than two decimals): left out of the totals, shown to the user. */
  invalid: CellError[];
  /** Rows with an amount but no valid nature (blank, or not one of the offered values): counted nowhere. */
  unclassified: number[];
  /**
   * Every row with an amount that is counted nowhere: an invalid amount, no valid nature, or
   * another cell to correct (see `TypedRow.invalid`). The totals, groups and chart all skip them.
   */
  excluded: number[];
}

const CHARGE = /^(charge|depense)/;
const PRODUIT = /^(produit|recette|ressource)/;

/** « Charge », « charges », « Dépense » → charge; « Produit », « Recette », « Ressource » → produit. */
export function budgetNature(text: string): BudgetNature | undefined {
  const normalized = normalizeText(text);
  if (CHARGE.test(normalized)) return 'charge';
  if (PRODUIT.test(normalized)) return 'produit';
  return undefined;
}

/** Money is summed in cents: 0,10 + 0,20 must be 0,30 for the budget to balance. */
const toCents = (value: number) => Math.round(value * 100);

function groupInto(groups: Map<string | null, BudgetGroupTotal>, key: string | null, nature: BudgetNature, cents: number) {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { key, charges: 0, produits: 0, count: 0 }));
  if (nature === 'charge') group.charges += cents;
  else group.produits += cents;
  group.count++;
}

function ordered(groups: Map<string | null, BudgetGroupTotal>, options: readonly string[] = []): BudgetGroupTotal[] {
  const rank = (key: string | null) => {
    if (key === null) return Number.MAX_SAFE_INTEGER;
    const at = options.indexOf(key);
    return at >= 0 ? at : options.length;
  };
  return [...groups.values()]
    .map((group, order) => ({ group, order }))
    .sort((a, b) => rank(a.group.key) - rank(b.group.key) || a.order - b.order)
    .map(({ group }) => ({ ...group, charges: group.charges / 100, produits: group.produits / 100 }));
}

/**
 * Totals of a budget table: charges, produits, balance, by funding source and by category. The
 * amount column is `montant`, else the first amount column, unless `amountColumn` names one.
 */
export function summarizeBudget(table: TypedTableData, options: { amountColumn?: string } = {}): BudgetSummary {
  const { columns } = table;
  const amountColumn = options.amountColumn ?? columnOf(columns, 'montant', (c) => c.type === 'eur');
  const natureColumn = columnOf(columns, 'nature', (c) => c.enum?.some((v) => budgetNature(v) === 'charge') ?? false);
  const sourceColumn = columnOf(columns, 'source');
  const categoryColumn = columnOf(columns, 'categorie');
  const sourceOptions = columns.find((c) => c.id === sourceColumn)?.enum ?? [];

  let charges = 0, produits = 0, chargeCount = 0, produitCount = 0;
  const bySource = new Map<string | null, BudgetGroupTotal>();
  const byCategory = new Map<string | null, BudgetGroupTotal>();
  const invalid: CellError[] = [];
  const unclassified: number[] = [];
  const excluded: number[] = [];

  for (const row of table.rows) {
    if (row.empty) continue;
    const amount = cellOf(row, amountColumn);
    if (!amount || amount.raw.trim() === '') continue;
    // An amount column that is not typed `eur` (an old template) is still read as euros.
    const read = typeof amount.value === 'number' ? { value: amount.value } : amount.error !== undefined ? { error: amount.error } : readEuros(amount.raw.trim());
    if (read.error !== undefined) {
      invalid.push({ row: row.index, column: amountColumn!, raw: amount.raw, message: read.error });
      excluded.push(row.index);
      continue;
    }
    // Only a valid nature classifies: « Charges fixes », not an offered value, is a cell to correct.
    const nature = cellOf(row, natureColumn)?.error === undefined ? budgetNature(textOf(row, natureColumn)) : undefined;
    if (!nature) unclassified.push(row.index);
    if (!nature || row.invalid) {
      excluded.push(row.index);
      continue;
    }
    const cents = toCents(read.value);
    if (nature === 'charge') {
      charges += cents;
      chargeCount++;
    } else {
      produits += cents;
      produitCount++;
    }
    const source = cellOf(row, sourceColumn);
    groupInto(bySource, source?.value !== undefined ? String(source.value) : textOf(row, sourceColumn) || null, nature, cents);
    groupInto(byCategory, textOf(row, categoryColumn) || null, nature, cents);
  }

  return {
    charges: { total: charges / 100, count: chargeCount },
    produits: { total: produits / 100, count: produitCount },
    balance: (produits - charges) / 100,
    balanced: produits === charges,
    bySource: ordered(bySource, sourceOptions),
    byCategory: ordered(byCategory),
    invalid,
    unclassified,
    excluded,
  };
}
