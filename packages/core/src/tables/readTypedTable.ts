import { readCell } from './readCell.js';
import type { CellError, CellValue, RawTable, TypedRow, TypedTableData } from './TableModel.js';

/**
 * Types every cell of a table by its column. Cells of columns the table does not declare (a
 * foreign paste) read as text, so nothing typed is ignored.
 */
export function readTypedTable(raw: RawTable): TypedTableData {
  const columns = new Map(raw.columns.map((column) => [column.id, column]));
  const errors: CellError[] = [];
  const rows: TypedRow[] = raw.rows.map((cells, index) => {
    const typed: Record<string, CellValue> = {};
    let empty = true;
    let invalid = false;
    for (const id in cells) {
      const text = cells[id]!;
      if (text.trim() !== '') empty = false;
      const cell = readCell(text, columns.get(id) ?? { type: 'text' });
      typed[id] = cell;
      if (cell.error !== undefined) {
        invalid = true;
        errors.push({ row: index, column: id, raw: text, message: cell.error });
      }
    }
    return { index, cells: typed, empty, invalid };
  });
  return { kind: raw.kind, columns: raw.columns, sectionId: raw.sectionId, rows, errors };
}
