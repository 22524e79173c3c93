import { columnsFromAttribute, type TypedTableColumn } from '@canevas/core';
import { Extension, type CommandProps } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { tableContextAt, tableContextOf } from './tableContext.js';
import { STRUCTURE_META } from './typedTableGuard.js';

export interface InsertableTable {
  kind: string;
  columns: TypedTableColumn[];
}

/** Which row of which table; defaults to the row of the caret. */
export interface RowTarget {
  tablePos?: number;
  /** Row index; for `addTypedTableRow`, the new row goes after it (-1: first). */
  index?: number;
  /** For `addTypedTableRow`: the caret goes to the new row's first cell, not the caret's column. */
  firstCell?: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    typedTable: {
      /** Inserts a typed table with one empty row after the current block; the caret goes to its first cell. */
      insertTypedTable: (table: InsertableTable) => ReturnType;
      /** Adds an empty row below the target row (or at the end); the caret goes to the new row. */
      addTypedTableRow: (target?: RowTarget) => ReturnType;
      /** Deletes the target row; a table keeps at least one row. */
      deleteTypedTableRow: (target?: RowTarget) => ReturnType;
      /** To the next (1) or previous (-1) cell; past the last cell, adds a row. False outside a table or before its first cell. */
      moveToTypedTableCell: (direction: 1 | -1) => ReturnType;
      /** Replaces a cell's text: the value picker writes the option as plain text. */
      setTypedTableCell: (cellPos: number, text: string) => ReturnType;
    };
  }
}

function emptyRow(schema: Schema, columns: TypedTableColumn[]): ProseMirrorNode {
  const cells = columns.map((column) => schema.nodes.typedTableCell!.create({ column: column.id }));
  return schema.nodes.typedTableRow!.create(null, cells);
}

interface ResolvedTable {
  table: ProseMirrorNode;
  tablePos: number;
  index: number;
  columnId?: string;
}

function resolveTarget({ state }: CommandProps, target: RowTarget = {}): ResolvedTable | undefined {
  if (target.tablePos !== undefined) {
    const table = state.doc.nodeAt(target.tablePos);
    if (table?.type.name !== 'typedTable') return undefined;
    return { table, tablePos: target.tablePos, index: target.index ?? table.childCount - 1 };
  }
  const context = tableContextOf(state);
  if (!context) return undefined;
  return { table: context.table, tablePos: context.tablePos, index: target.index ?? context.rowIndex, columnId: context.columnId };
}

function rowStart(table: ProseMirrorNode, tablePos: number, index: number): number {
  let pos = tablePos + 1;
  for (let i = 0; i < index; i++) pos += table.child(i).nodeSize;
  return pos;
}

/** Puts the caret at the end of a row's cell (the one of `columnId`, else the first). */
function caretInRow(tr: Transaction, rowPos: number, columnId?: string): void {
  const row = tr.doc.nodeAt(rowPos);
  if (!row) return;
  let cellPos = rowPos + 1;
  let target = cellPos;
  row.forEach((cell, offset) => {
    if (cell.attrs.column === columnId) target = rowPos + 1 + offset;
  });
  cellPos = target;
  const cell = tr.doc.nodeAt(cellPos);
  tr.setSelection(TextSelection.create(tr.doc, cellPos + 1 + (cell?.content.size ?? 0)));
}

/** Editing commands and keys of typed tables (the schema itself lives in the core). */
export const TypedTableCommands = Extension.create({
  name: 'typedTableCommands',
  // Before StarterKit's Enter and Mod-Enter (hard break), which mean nothing in a cell.
  priority: 200,

  addCommands() {
    return {
      insertTypedTable:
        (spec) =>
        ({ state, tr, dispatch }) => {
          const { schema } = state;
          const table = schema.nodes.typedTable!.create(
            { kind: spec.kind, columns: spec.columns, sectionId: null },
            [emptyRow(schema, spec.columns)],
          );
          // After the top-level block of the caret: a table never lands inside a paragraph or another table.
          const $from = state.selection.$from;
          const at = $from.depth === 0 ? $from.pos : $from.after(1);
          if (dispatch) {
            tr.insert(at, [table, schema.nodes.paragraph!.create()]);
            caretInRow(tr, at + 1);
            tr.setMeta(STRUCTURE_META, true).scrollIntoView();
          }
          return true;
        },
      addTypedTableRow:
        (target) =>
        (props) => {
          const resolved = resolveTarget(props, target);
          if (!resolved) return false;
          const { table, tablePos, index, columnId } = resolved;
          if (props.dispatch) {
            const at = rowStart(table, tablePos, index + 1);
            props.tr.insert(at, emptyRow(props.state.schema, columnsFromAttribute(table.attrs.columns)));
            caretInRow(props.tr, at, target?.firstCell ? undefined : columnId);
            props.tr.setMeta(STRUCTURE_META, true).scrollIntoView();
          }
          return true;
        },
      deleteTypedTableRow:
        (target) =>
        (props) => {
          const resolved = resolveTarget(props, target);
          if (!resolved || resolved.table.childCount <= 1) return false;
          const { table, tablePos, index, columnId } = resolved;
          if (props.dispatch) {
            const from = rowStart(table, tablePos, index);
            props.tr.delete(from, from + table.child(index).nodeSize);
            // The caret stays in the table: on the row that took its place, or the new last one.
            const next = Math.min(index, table.childCount - 2);
            caretInRow(props.tr, rowStart(props.tr.doc.nodeAt(tablePos)!, tablePos, next), columnId);
            props.tr.setMeta(STRUCTURE_META, true);
          }
          return true;
        },
      moveToTypedTableCell:
        (direction) =>
        ({ state, tr, dispatch, commands }) => {
          const context = tableContextOf(state);
          if (!context) return false;
          const cells: number[] = [];
          context.table.forEach((row, rowOffset) => {
            row.forEach((_, cellOffset) => cells.push(context.tablePos + 1 + rowOffset + 1 + cellOffset));
          });
          const next = cells.indexOf(context.cellPos) + direction;
          if (next < 0) return false;
          if (next >= cells.length) return commands.addTypedTableRow({ tablePos: context.tablePos, firstCell: true });
          if (dispatch) {
            const cellPos = cells[next]!;
            const cell = tr.doc.nodeAt(cellPos);
            tr.setSelection(TextSelection.create(tr.doc, cellPos + 1 + (cell?.content.size ?? 0))).scrollIntoView();
          }
          return true;
        },
      setTypedTableCell:
        (cellPos, text) =>
        ({ state, tr, dispatch }) => {
          const cell = state.doc.nodeAt(cellPos);
          if (cell?.type.name !== 'typedTableCell') return false;
          if (dispatch) {
            const from = cellPos + 1;
            const to = from + cell.content.size;
            if (text === '') tr.delete(from, to);
            else tr.replaceWith(from, to, state.schema.text(text));
            tr.setSelection(TextSelection.create(tr.doc, from + text.length));
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Enter': () => (tableContextOf(this.editor.state) ? this.editor.commands.addTypedTableRow() : false),
      'Mod-Shift-Backspace': () => (tableContextOf(this.editor.state) ? this.editor.commands.deleteTypedTableRow() : false),
      // As in a spreadsheet: Enter goes to the cell below, and past the last row adds one.
      Enter: () => {
        const context = tableContextOf(this.editor.state);
        if (!context) return false;
        if (context.rowIndex === context.rowCount - 1) return this.editor.commands.addTypedTableRow();
        const next = context.rowPos + context.table.child(context.rowIndex).nodeSize;
        const { tr } = this.editor.state;
        caretInRow(tr, next, context.columnId);
        this.editor.view.dispatch(tr.scrollIntoView());
        return true;
      },
      // As in a spreadsheet: Tab goes to the next cell, and from the last cell adds a row and goes
      // to its first cell, so that fast typing never lands outside the table; Shift+Tab goes back
      // (from the first cell it leaves the table, the way out for the keyboard).
      Tab: () => this.editor.commands.moveToTypedTableCell(1),
      'Shift-Tab': () => this.editor.commands.moveToTypedTableCell(-1),
      // To the value picker of an enum cell; Escape there comes back. The picker follows the
      // caret through React, so right after the caret moved it may not be drawn yet: wait a few
      // frames for it rather than dropping the key.
      'Alt-ArrowDown': () => {
        const context = tableContextOf(this.editor.state);
        if (context?.column?.type !== 'enum') return false;
        const { view } = this.editor;
        const tablePos = context.tablePos;
        const focusPicker = (framesLeft: number): void => {
          if (view.isDestroyed) return;
          const dom = view.nodeDOM(tablePos);
          const values = dom instanceof HTMLElement ? [...dom.querySelectorAll<HTMLButtonElement>('.typed-table__value')] : [];
          const target = values.find((button) => button.getAttribute('aria-pressed') === 'true') ?? values[0];
          if (target) target.focus();
          else if (framesLeft > 0) requestAnimationFrame(() => focusPicker(framesLeft - 1));
        };
        focusPicker(30);
        return true;
      },
      Backspace: () => clearAcrossCells(this.editor.state, this.editor.view.dispatch),
      Delete: () => clearAcrossCells(this.editor.state, this.editor.view.dispatch),
    };
  },
});

/**
 * A selection across cells clears the selected text of each cell instead of merging the cells
 * (which would lose a column). Returns false when the selection is not across cells.
 */
export function clearAcrossCells(state: EditorState, dispatch: (tr: Transaction) => void): boolean {
  const { from, to, empty, $from, $to } = state.selection;
  // Only when both ends are in cells; a selection that takes whole tables deletes them.
  if (empty || !tableContextAt($from) || !tableContextAt($to)) return false;
  const ranges: [number, number][] = [];
  let crossesCells = false;
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== 'typedTableCell') return true;
    const start = Math.max(from, pos + 1);
    const end = Math.min(to, pos + 1 + node.content.size);
    if (end > start) ranges.push([start, end]);
    if (from < pos + 1 || to > pos + 1 + node.content.size) crossesCells = true;
    return false;
  });
  if (!crossesCells || ranges.length === 0) return false;
  const tr = state.tr;
  for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i]![0], ranges[i]![1]);
  tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(from)));
  dispatch(tr);
  return true;
}
