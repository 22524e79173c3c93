import { columnsFromAttribute, type TypedTableColumn } from '@canevas/core';
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';

/** Where the caret is in a typed table: what the row buttons and the value picker act on. */
export interface TableContext {
  table: ProseMirrorNode;
  tablePos: number;
  rowIndex: number;
  rowPos: number;
  rowCount: number;
  cellPos: number;
  cell: ProseMirrorNode;
  column: TypedTableColumn | undefined;
  columnId: string;
}

/** The typed-table cell that contains `$pos`, if any. */
export function tableContextAt($pos: ResolvedPos): TableContext | undefined {
  for (let depth = $pos.depth; depth >= 2; depth--) {
    if ($pos.node(depth).type.name !== 'typedTableCell') continue;
    const row = $pos.node(depth - 1);
    const table = $pos.node(depth - 2);
    if (row.type.name !== 'typedTableRow' || table.type.name !== 'typedTable') return undefined;
    const cell = $pos.node(depth);
    const columnId = String(cell.attrs.column ?? '');
    return {
      table,
      tablePos: $pos.before(depth - 2),
      rowIndex: $pos.index(depth - 2),
      rowPos: $pos.before(depth - 1),
      rowCount: table.childCount,
      cellPos: $pos.before(depth),
      cell,
      column: columnsFromAttribute(table.attrs.columns).find((column) => column.id === columnId),
      columnId,
    };
  }
  return undefined;
}

/** The cell of the selection's head, when the selection stays within that one cell. */
export function tableContextOf(state: EditorState): TableContext | undefined {
  const { $from, $to } = state.selection;
  const context = tableContextAt($from);
  if (!context) return undefined;
  return $to.pos <= context.cellPos + context.cell.nodeSize ? context : undefined;
}
