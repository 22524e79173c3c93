import { normalizeText } from '../completeness/normalizeText.js';
import { columnOf, textOf } from './columnOf.js';
import { parseQuantity, type Quantity } from './parseFrenchNumber.js';
import type { TypedTableData } from './TableModel.js';

export interface IndicatorItem {
  row: number;
  name: string;
  targetText: string;
  actualText: string;
  target?: Quantity;
  actual?: Quantity;
  /** Réalisé − cible, when both are numbers in the same unit. */
  gap?: number;
  /** The unit of the gap (« personnes », « % »), '' when none. */
  unit: string;
  /** Réalisé / cible (1 = target reached), when the target is a non-zero number. */
  progress?: number;
  due: string;
}

/** The indicators with their computed écart and progress. */
export function summarizeIndicators(table: TypedTableData): IndicatorItem[] {
  const { columns } = table;
  const nameColumn = columnOf(columns, 'indicateur') ?? columns[0]?.id;
  const targetColumn = columnOf(columns, 'cible');
  const actualColumn = columnOf(columns, 'realise');
  const dueColumn = columnOf(columns, 'echeance');

  const items: IndicatorItem[] = [];
  for (const row of table.rows) {
    if (row.empty) continue;
    const targetText = textOf(row, targetColumn);
    const actualText = textOf(row, actualColumn);
    const target = parseQuantity(targetText) ?? undefined;
    const actual = parseQuantity(actualText) ?? undefined;
    const item: IndicatorItem = {
      row: row.index,
      name: textOf(row, nameColumn),
      targetText,
      actualText,
      ...(target ? { target } : {}),
      ...(actual ? { actual } : {}),
      unit: target?.unit || actual?.unit || '',
      due: textOf(row, dueColumn),
    };
    // « 120 personnes » against « 80 » compares; « 120 personnes » against « 12 % » does not.
    if (target && actual && (target.unit === '' || actual.unit === '' || normalizeText(target.unit) === normalizeText(actual.unit))) {
      item.gap = Math.round((actual.value - target.value) * 1e6) / 1e6;
      if (target.value !== 0) item.progress = actual.value / target.value;
    }
    items.push(item);
  }
  return items;
}
