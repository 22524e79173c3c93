import { formatEuros } from '../completeness/parseFrenchAmount.js';
import { summarizeActionPlan } from './summarizeActionPlan.js';
import { summarizeBudget } from './summarizeBudget.js';
import { summarizeIndicators } from './summarizeIndicators.js';
import { summarizeStakeholders } from './summarizeStakeholders.js';
import { cellOf } from './columnOf.js';
import type { ComputedRow, TypedTableData } from './TableModel.js';

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const signedNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const signedEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' });

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count <= 1 ? singular : pluralForm}`;
}

const row = (id: string, label: string, value: string, warning = false): ComputedRow => ({
  id,
  label,
  value,
  tone: warning ? 'warning' : 'neutral',
});

function unreadable(table: TypedTableData): ComputedRow[] {
  const count = table.errors.length;
  return count === 0 ? [] : [row('invalid', 'Cellules à corriger (non comptées)', String(count), true)];
}

function budgetRows(table: TypedTableData): ComputedRow[] {
  const budget = summarizeBudget(table);
  const rows = [
    row('charges', 'Total des charges', formatEuros(budget.charges.total)),
    row('produits', 'Total des produits', formatEuros(budget.produits.total)),
    row(
      'balance',
      'Solde (produits − charges)',
      budget.balanced ? `${formatEuros(0)} (équilibré)` : `${signedEuros.format(budget.balance)} (${budget.balance < 0 ? 'déficit' : 'excédent'})`,
      !budget.balanced,
    ),
  ];
  for (const group of budget.bySource) {
    // Charges-only groups say nothing about where the money comes from.
    if (group.produits === 0) continue;
    const label = group.key === null ? 'Produits sans source de financement' : `Produits — ${group.key}`;
    rows.push(row(`source:${group.key ?? ''}`, label, formatEuros(group.produits), group.key === null));
  }
  if (budget.unclassified.length > 0) {
    rows.push(row('unclassified', 'Montants sans nature (ni charge ni produit)', String(budget.unclassified.length), true));
  }
  return [...rows, ...unreadable(table)];
}

function actionPlanRows(table: TypedTableData, today: string): ComputedRow[] {
  const plan = summarizeActionPlan(table, today);
  const rows: ComputedRow[] = plan.phases.map((group) => {
    const late = group.actions.filter((action) => action.late).length;
    const value = plural(group.actions.length, 'action', 'actions') + (late > 0 ? `, dont ${late} en retard` : '');
    const label = group.phase === null ? 'Sans phase' : group.known ? `Phase « ${group.phase} »` : `Phase inconnue « ${group.phase} »`;
    return row(`phase:${group.phase ?? ''}`, label, value, group.actions.length === 0 || !group.known || late > 0);
  });
  rows.push(row('late', 'Actions en retard', plan.late.length === 0 ? 'aucune' : plan.late.map((a) => a.action || `ligne ${a.row + 1}`).join(', '), plan.late.length > 0));
  return [...rows, ...unreadable(table)];
}

function stakeholderRows(table: TypedTableData): ComputedRow[] {
  const map = summarizeStakeholders(table);
  const rows = map.levels.map((group) => row(`level:${group.level}`, group.level, plural(group.stakeholders.length, 'acteur', 'acteurs')));
  if (map.missing.length > 0) rows.push(row('missing', "Sans niveau d’implication", plural(map.missing.length, 'acteur', 'acteurs'), true));
  return [...rows, ...unreadable(table)];
}

function indicatorRows(table: TypedTableData): ComputedRow[] {
  return summarizeIndicators(table).map((item) => {
    const name = item.name || `ligne ${item.row + 1}`;
    if (item.gap === undefined) {
      const why = item.targetText === '' ? 'pas de cible' : item.actualText === '' ? 'pas encore de réalisé' : 'cible ou réalisé non chiffré';
      return row(`gap:${item.row}`, `Écart — ${name}`, `non calculé (${why})`, item.targetText === '');
    }
    const unit = item.unit === '' ? '' : item.unit === '%' ? ' %' : ` ${item.unit}`;
    return row(`gap:${item.row}`, `Écart — ${name}`, `${signedNumber.format(item.gap)}${unit}`, item.gap < 0);
  });
}

/** Any other table: the total of each amount and number column. */
function columnTotals(table: TypedTableData): ComputedRow[] {
  const rows: ComputedRow[] = [];
  for (const column of table.columns) {
    if (column.type !== 'eur' && column.type !== 'number') continue;
    let cents = 0;
    let count = 0;
    for (const r of table.rows) {
      const value = cellOf(r, column.id)?.value;
      if (typeof value !== 'number') continue;
      cents += Math.round(value * 100);
      count++;
    }
    if (count === 0) continue;
    const total = cents / 100;
    rows.push(row(`total:${column.id}`, `Total « ${column.label} »`, column.type === 'eur' ? formatEuros(total) : numberFormat.format(total)));
  }
  return [...rows, ...unreadable(table)];
}

/**
 * The lines shown live under a typed table and printed under it in exports: totals and balance
 * of a budget, actions per phase and late actions, stakeholders per level, écarts of indicators.
 * `today` (ISO, see `todayIso`) decides which actions are late.
 */
export function computedRows(table: TypedTableData, today: string): ComputedRow[] {
  switch (table.kind) {
    case 'budget':
      return budgetRows(table);
    case 'action_plan':
      return actionPlanRows(table, today);
    case 'stakeholders':
      return stakeholderRows(table);
    case 'indicators':
      return indicatorRows(table);
    default:
      return columnTotals(table);
  }
}
