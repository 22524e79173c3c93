import { summarizeActionPlan, summarizeBudget, summarizeIndicators, summarizeStakeholders, type TypedTableData } from '@canevas/core';
import { ActionTimelineChart } from './ActionTimelineChart.js';
import { BudgetChart } from './BudgetChart.js';
import { IndicatorProgressChart } from './IndicatorProgressChart.js';
import { StakeholderMapChart } from './StakeholderMapChart.js';

/** The chart that fits a typed table's kind, drawn from its current content; none while it is empty. */
export function TableChart({ table, today }: { table: TypedTableData; today: string }) {
  if (table.rows.every((row) => row.empty)) return null;
  switch (table.kind) {
    case 'budget':
      return <BudgetChart budget={summarizeBudget(table)} />;
    case 'action_plan':
      return <ActionTimelineChart plan={summarizeActionPlan(table, today)} today={today} />;
    case 'stakeholders':
      return <StakeholderMapChart map={summarizeStakeholders(table)} />;
    case 'indicators':
      return <IndicatorProgressChart items={summarizeIndicators(table)} />;
    default:
      return null;
  }
}
