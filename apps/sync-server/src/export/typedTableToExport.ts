import {
  computedRows,
  rawTableFromJSON,
  readTypedTable,
  type ProseMirrorJSON,
  type TypedTableColumn,
} from '@canevas/core';
import type { ExportTable } from './ExportBook.js';

const NUMERIC_TYPES = new Set(['eur', 'number', 'percent', 'date']);
const AMOUNT_TYPES = new Set(['eur', 'number', 'percent']);

/**
 * A typed table as exported: its header from the declared columns, its cells exactly as typed
 * (the text is never rewritten), and under it the rows the core computes live in the editor
 * (totals, balance, écarts…), so the jury reads the same figures as the authors.
 */
export function typedTableToExport(node: ProseMirrorJSON, today: string): ExportTable {
  const raw = rawTableFromJSON(node);
  const columns = withUndeclaredColumns(raw.columns, raw.rows);
  const data = readTypedTable(raw);
  // Blank rows are left out; notes number the rows as printed.
  const printed = new Map<number, number>();
  const rows: string[][] = [];
  raw.rows.forEach((cells, index) => {
    if (!Object.values(cells).some((value) => value.trim() !== '')) return;
    printed.set(index, rows.length + 1);
    rows.push(columns.map((column) => cells[column.id] ?? ''));
  });
  const labels = new Map(columns.map((column) => [column.id, column.label]));
  const amountColumn = columns.findIndex((column) => AMOUNT_TYPES.has(column.type));
  return {
    columns: columns.map((column) => ({ label: column.label, numeric: NUMERIC_TYPES.has(column.type) })),
    rows,
    totals: computedRows(data, today).map((row) => ({ label: row.label, value: row.value, warning: row.tone === 'warning' })),
    // Under the amount column when there is one; else the label and the value share the width.
    totalsColumn: amountColumn > 0 ? amountColumn : Math.floor(columns.length / 2),
    notes: data.errors.map(
      (error) => `Ligne ${printed.get(error.row) ?? error.row + 1}, ${labels.get(error.column) ?? error.column} : « ${error.raw} » — ${error.message}`,
    ),
  };
}

/** Cells of a column the table does not declare (a foreign paste) are exported, not dropped. */
function withUndeclaredColumns(declared: readonly TypedTableColumn[], rows: readonly Record<string, string>[]): TypedTableColumn[] {
  const columns = [...declared];
  const known = new Set(declared.map((column) => column.id));
  for (const cells of rows) {
    for (const id of Object.keys(cells)) {
      if (known.has(id) || (cells[id] ?? '').trim() === '') continue;
      known.add(id);
      columns.push({ id, label: id === '' ? 'Sans colonne' : id, type: 'text' });
    }
  }
  return columns;
}
