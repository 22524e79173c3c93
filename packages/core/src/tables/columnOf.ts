import type { TypedTableColumn } from '../schema/typedTable.js';
import type { CellValue, TypedRow } from './TableModel.js';

/**
 * Finds the column that plays a role: the preset's id first, then a column that looks the part
 * (a template may rename ids, e.g. a second amount column). Undefined when none fits.
 */
export function columnOf(
  columns: readonly TypedTableColumn[],
  id: string,
  looksLike?: (column: TypedTableColumn) => boolean,
): string | undefined {
  return columns.find((column) => column.id === id)?.id ?? (looksLike ? columns.find(looksLike)?.id : undefined);
}

/** The cell of a row in a column, if both exist. */
export function cellOf(row: TypedRow, column: string | undefined): CellValue | undefined {
  return column === undefined ? undefined : row.cells[column];
}

/** The cell's text, trimmed ('' when absent). */
export function textOf(row: TypedRow, column: string | undefined): string {
  return cellOf(row, column)?.raw.trim() ?? '';
}
