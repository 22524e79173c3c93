import { normalizeText } from '../completeness/normalizeText.js';
import { cellOf, columnOf, textOf } from './columnOf.js';
import type { TypedTableData } from './TableModel.js';

export interface ActionItem {
  row: number;
  action: string;
  /** The canonical phase, the text as typed when it is not one of the phases, or null. */
  phase: string | null;
  responsable: string;
  /** ISO dates, when readable. */
  start?: string;
  end?: string;
  status: string;
  done: boolean;
  /** The échéance has passed and the action is neither terminée nor abandonnée. */
  late: boolean;
}

export interface PhaseGroup {
  /** null gathers the actions without a phase. */
  phase: string | null;
  /** False for a typed phase that is not one of the column's options. */
  known: boolean;
  actions: ActionItem[];
}

export interface ActionPlanSummary {
  actions: ActionItem[];
  /** Every declared phase (even without actions), then unknown ones, then « sans phase ». */
  phases: PhaseGroup[];
  late: ActionItem[];
}

/** A finished or dropped action is not late, whatever its échéance. */
const CLOSED = /^(termine|abandonne|annule)/;

/**
 * The action plan read for the timeline and the rules. `today` is an ISO date (see
 * `todayIso`): an action is late once its échéance is before today.
 */
export function summarizeActionPlan(table: TypedTableData, today: string): ActionPlanSummary {
  const { columns } = table;
  const actionColumn = columnOf(columns, 'action') ?? columns[0]?.id;
  const phaseColumn = columnOf(columns, 'phase');
  const startColumn = columnOf(columns, 'debut');
  const endColumn = columnOf(columns, 'echeance', (c) => c.type === 'date' && c.id !== startColumn);
  const statusColumn = columnOf(columns, 'statut');
  const responsableColumn = columnOf(columns, 'responsable');
  const phaseOptions = columns.find((c) => c.id === phaseColumn)?.enum ?? [];

  const actions: ActionItem[] = [];
  for (const row of table.rows) {
    if (row.empty) continue;
    const phaseCell = cellOf(row, phaseColumn);
    const phase = phaseCell?.value !== undefined ? String(phaseCell.value) : textOf(row, phaseColumn) || null;
    const start = cellOf(row, startColumn)?.value;
    const end = cellOf(row, endColumn)?.value;
    const status = textOf(row, statusColumn);
    const done = /^termine/.test(normalizeText(status));
    const closed = CLOSED.test(normalizeText(status));
    actions.push({
      row: row.index,
      action: textOf(row, actionColumn),
      phase,
      responsable: textOf(row, responsableColumn),
      ...(typeof start === 'string' ? { start } : {}),
      ...(typeof end === 'string' ? { end } : {}),
      status,
      done,
      late: typeof end === 'string' && end < today && !closed,
    });
  }

  const phases: PhaseGroup[] = phaseOptions.map((phase) => ({ phase, known: true, actions: [] }));
  const byPhase = new Map<string | null, PhaseGroup>(phases.map((group) => [group.phase, group]));
  for (const action of actions) {
    let group = byPhase.get(action.phase);
    if (!group) {
      group = { phase: action.phase, known: false, actions: [] };
      byPhase.set(action.phase, group);
      phases.push(group);
    }
    group.actions.push(action);
  }
  // « Sans phase » last, whatever the reading order.
  phases.sort((a, b) => Number(a.phase === null) - Number(b.phase === null));
  return { actions, phases, late: actions.filter((action) => action.late) };
}
