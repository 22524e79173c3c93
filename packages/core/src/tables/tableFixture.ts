import type { TypedTableColumn } from '../schema/typedTable.js';
import { readTypedTable } from './readTypedTable.js';
import type { RawRow, TypedTableData } from './TableModel.js';

/** A column as presets declare it (read-only arrays). */
interface ColumnLike {
  id: string;
  label: string;
  type: string;
  enum?: readonly string[];
  required?: boolean;
}

/** A typed table from a preset and rows of texts (tests only). */
export function tableFixture(preset: { kind: string; columns: readonly ColumnLike[] }, rows: RawRow[]): TypedTableData {
  const columns: TypedTableColumn[] = preset.columns.map((column) => ({
    id: column.id,
    label: column.label,
    type: column.type,
    ...(column.enum ? { enum: [...column.enum] } : {}),
  }));
  // Every row carries every column, as the editor's rows do.
  const full = rows.map((row) => Object.fromEntries(columns.map((column) => [column.id, row[column.id] ?? ''])));
  return readTypedTable({ kind: preset.kind, columns, sectionId: null, rows: full });
}
