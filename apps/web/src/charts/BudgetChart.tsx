import { formatEuros, type BudgetSummary } from '@canevas/core';
import type { ReactElement } from 'react';
import { barWidth, fitToWidth, LABEL_FONT } from './barScale.js';
import { ChartFigure } from './ChartFigure.js';

export interface BudgetBar {
  group: 'totals' | 'charges' | 'produits';
  label: string;
  value: number;
}

/** The bars of the budget chart: both totals, then charges by category and produits by source. */
export function budgetBars(budget: BudgetSummary): BudgetBar[] {
  const bars: BudgetBar[] = [
    { group: 'totals', label: 'Total des charges', value: budget.charges.total },
    { group: 'totals', label: 'Total des produits', value: budget.produits.total },
  ];
  for (const group of budget.byCategory) {
    if (group.charges !== 0) bars.push({ group: 'charges', label: group.key ?? 'Sans catégorie', value: group.charges });
  }
  for (const group of budget.bySource) {
    if (group.produits !== 0) bars.push({ group: 'produits', label: group.key ?? 'Source non renseignée', value: group.produits });
  }
  return bars;
}

const HEADINGS: Record<BudgetBar['group'], string> = {
  totals: 'Totaux',
  charges: 'Charges par catégorie',
  produits: 'Produits par source de financement',
};

const LABEL_WIDTH = 210;
const BAR_AREA = 300;
const WIDTH = LABEL_WIDTH + BAR_AREA + 120;
const ROW = 24;
const HEADING = 26;

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

export function budgetSummaryText(budget: BudgetSummary): string {
  const balance = budget.balanced
    ? 'Le budget est équilibré.'
    : budget.balance < 0
      ? `Il manque ${plain(formatEuros(-budget.balance))} de produits pour couvrir les charges.`
      : `Les produits dépassent les charges de ${plain(formatEuros(budget.balance))}.`;
  return `${plain(formatEuros(budget.charges.total))} de charges et ${plain(formatEuros(budget.produits.total))} de produits. ${balance}`;
}

/** Charges and produits side by side, by category and by funding source. */
export function BudgetChart({ budget }: { budget: BudgetSummary }) {
  const bars = budgetBars(budget);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  let y = 0;
  const items: ReactElement[] = [];
  let previous: BudgetBar['group'] | undefined;
  for (const [index, bar] of bars.entries()) {
    if (bar.group !== previous) {
      y += HEADING;
      items.push(
        <text key={`h-${bar.group}`} x={0} y={y - 8} className="chart__heading">
          {HEADINGS[bar.group]}
        </text>,
      );
      previous = bar.group;
    }
    const kind = bar.group === 'totals' ? (index === 0 ? 'charges' : 'produits') : bar.group;
    const width = barWidth(bar.value, max, BAR_AREA);
    items.push(
      <g key={`b-${index}`} transform={`translate(0 ${y})`}>
        <text x={LABEL_WIDTH - 8} y={16} textAnchor="end" className="chart__label">
          {fitToWidth(bar.label, LABEL_WIDTH - 8, LABEL_FONT)}
        </text>
        <rect x={LABEL_WIDTH} y={3} width={width} height={ROW - 6} className={`chart__bar chart__bar--${kind}`} />
        <text x={LABEL_WIDTH + width + 6} y={16} className="chart__value">
          {plain(formatEuros(bar.value))}
        </text>
      </g>,
    );
    y += ROW;
  }
  return (
    <ChartFigure
      title="Répartition du budget"
      summary={budgetSummaryText(budget)}
      width={WIDTH}
      height={y + 4}
      data={
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">Groupe</th>
              <th scope="col">Libellé</th>
              <th scope="col">Montant</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={index}>
                <td>{HEADINGS[bar.group]}</td>
                <th scope="row">{bar.label}</th>
                <td>{formatEuros(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {items}
    </ChartFigure>
  );
}
