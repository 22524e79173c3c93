import type { EditorState } from '@tiptap/pm/state';
import { columnHint } from './columnHints.js';
import { tableContextOf } from './tableContext.js';

/** The cell of the caret, as the panel of its table shows it. */
export interface CaretCell {
  rowIndex: number;
  rowCount: number;
  cellPos: number;
  columnId: string;
  label: string;
  hint: string | undefined;
  options: string[];
  text: string;
}

/** The caret's cell when it is in the table at `tablePos`, else null. */
export function caretCellIn(state: EditorState, tablePos: number | undefined): CaretCell | null {
  const context = tableContextOf(state);
  if (!context || context.tablePos !== tablePos) return null;
  return {
    rowIndex: context.rowIndex,
    rowCount: context.rowCount,
    cellPos: context.cellPos,
    columnId: context.columnId,
    label: context.column?.label ?? context.columnId,
    hint: context.column ? columnHint(context.column) : undefined,
    options: context.column?.type === 'enum' ? (context.column.enum ?? []) : [],
    text: context.cell.textContent,
  };
}

export function sameCaret(a: CaretCell | null, b: CaretCell | null): boolean {
  if (a === null || b === null) return a === b;
  return a.rowIndex === b.rowIndex && a.rowCount === b.rowCount && a.cellPos === b.cellPos && a.text === b.text && a.columnId === b.columnId;
}
