import { dayNumber, type ActionItem, type ActionPlanSummary } from '@canevas/core';

export interface TimelineRow {
  kind: 'phase' | 'action';
  label: string;
  action?: ActionItem;
  /** Bar extent in days since 1970, when dated; a single date gives a zero-length bar. */
  from?: number;
  to?: number;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  /** Day range shown, padded around the actions and today. */
  start: number;
  end: number;
  today: number;
  /** First day of each month (or quarter on long plans) in range, with its label. */
  ticks: { day: number; label: string }[];
  undated: ActionItem[];
}

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

function monthStarts(start: number, end: number): { day: number; label: string }[] {
  const first = new Date(start * 86_400_000);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  const all: { day: number; label: string; month: number }[] = [];
  for (;;) {
    if (month > 11) {
      month = 0;
      year++;
    }
    const day = Math.round(Date.UTC(year, month, 1) / 86_400_000);
    if (day > end) break;
    all.push({ day, month, label: month === 0 ? `${MONTHS[0]} ${year}` : MONTHS[month]! });
    month++;
  }
  // Long plans: one tick per quarter keeps the labels apart.
  const step = all.length > 24 ? 6 : all.length > 12 ? 3 : 1;
  return all.filter((tick) => tick.month % step === 0).map(({ day, label }) => ({ day, label }));
}

/** Rows (phase headings, then its actions), the day range and the month ticks of the timeline. */
export function timelineLayout(plan: ActionPlanSummary, today: string): TimelineLayout {
  const todayDay = dayNumber(today);
  const rows: TimelineRow[] = [];
  const undated: ActionItem[] = [];
  let min = todayDay;
  let max = todayDay;
  for (const group of plan.phases) {
    rows.push({ kind: 'phase', label: group.phase ?? 'Sans phase' });
    for (const action of group.actions) {
      const from = action.start !== undefined ? dayNumber(action.start) : action.end !== undefined ? dayNumber(action.end) : undefined;
      const to = action.end !== undefined ? dayNumber(action.end) : from;
      if (from === undefined || to === undefined) {
        undated.push(action);
        rows.push({ kind: 'action', label: action.action || `Ligne ${action.row + 1}`, action });
        continue;
      }
      const [a, b] = from <= to ? [from, to] : [to, from];
      min = Math.min(min, a);
      max = Math.max(max, b);
      rows.push({ kind: 'action', label: action.action || `Ligne ${action.row + 1}`, action, from: a, to: b });
    }
  }
  const padding = Math.max(7, Math.round((max - min) * 0.05));
  const start = min - padding;
  const end = max + padding;
  return { rows, start, end, today: todayDay, ticks: monthStarts(start, end), undated };
}
