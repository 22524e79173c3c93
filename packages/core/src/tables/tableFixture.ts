import type { TypedTableColumn } from '../schema/typedTable.js';
import { readTypedTable } from './readTypedTable.js';
import type { RawRow, TypedTableData } from './TableModel.js';

/** A typed table from a preset and rows of texts (tests only). */
export function tableFixture(
  preset: { kind: string; columns: readonly (Omit<TypedTableColumn, 'enum'> & { enum?: readonly string[] })[] },
  rows: RawRow[],
): TypedTableData {
  const columns = preset.columns.map((column) => ({ ...column, ...(column.enum ? { enum: [...column.enum] } : {}) })) as TypedTableColumn[];
  // Every row carries every column, as the editor's rows do.
  const full = rows.map((row) => Object.fromEntries(columns.map((column) => [column.id, row[column.id] ?? ''])));
  return readTypedTable({ kind: preset.kind, columns, sectionId: null, rows: full });
}
