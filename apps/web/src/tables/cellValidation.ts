import { columnsFromAttribute } from '@canevas/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { readTableNode } from './readTableNode.js';

/** An invalid cell, as the table's panel lists it. */
export interface CellFlag {
  /** The id of the message element, which the cell names in aria-describedby. */
  id: string;
  row: number;
  column: string;
  columnLabel: string;
  message: string;
  /** Position of the cell node in the document. */
  cellPos: number;
}

interface RelativeFlag {
  offset: number;
  size: number;
  row: number;
  column: string;
  columnLabel: string;
  message: string;
}

interface ValidationState {
  decorations: DecorationSet;
  /** Flags by table position. */
  flags: Map<number, CellFlag[]>;
}

// Per table node, so that typing in one table does not re-read the others.
const relativeCache = new WeakMap<ProseMirrorNode, RelativeFlag[]>();

function relativeFlags(table: ProseMirrorNode): RelativeFlag[] {
  let flags = relativeCache.get(table);
  if (flags) return flags;
  const found: RelativeFlag[] = [];
  const data = readTableNode(table);
  if (data.errors.length > 0) {
    const invalid = new Map(data.errors.map((error) => [`${error.row}:${error.column}`, error.message]));
    const labels = new Map(columnsFromAttribute(table.attrs.columns).map((column) => [column.id, column.label]));
    let row = 0;
    table.forEach((rowNode, rowOffset) => {
      rowNode.forEach((cell, cellOffset) => {
        const column = String(cell.attrs.column);
        const message = invalid.get(`${row}:${column}`);
        if (message === undefined) return;
        found.push({ offset: 1 + rowOffset + 1 + cellOffset, size: cell.nodeSize, row, column, columnLabel: labels.get(column) ?? column, message });
      });
      row++;
    });
  }
  flags = found;
  relativeCache.set(table, flags);
  return flags;
}

function validate(doc: ProseMirrorNode): ValidationState {
  const decorations: Decoration[] = [];
  const flags = new Map<number, CellFlag[]>();
  doc.descendants((node, pos) => {
    if (node.type.name !== 'typedTable') return node.isBlock && !node.isTextblock;
    const tableFlags: CellFlag[] = [];
    for (const flag of relativeFlags(node)) {
      const cellPos = pos + flag.offset;
      const id = `typed-cell-error-${cellPos}`;
      tableFlags.push({ id, row: flag.row, column: flag.column, columnLabel: flag.columnLabel, message: flag.message, cellPos });
      // The message is shown in the cell by CSS (never typed into the cell) and given in words,
      // with this id, in the table's panel.
      decorations.push(
        Decoration.node(cellPos, cellPos + flag.size, {
          'aria-invalid': 'true',
          'aria-describedby': id,
          'data-error': flag.message,
          class: 'typed-cell--invalid',
        }),
      );
    }
    if (tableFlags.length > 0) flags.set(pos, tableFlags);
    return false;
  });
  return { decorations: DecorationSet.create(doc, decorations), flags };
}

export const cellValidationKey = new PluginKey<ValidationState>('typedCellValidation');

/** The invalid cells of the table at `tablePos`. */
export function cellFlagsOf(state: EditorState, tablePos: number | undefined): CellFlag[] {
  if (tablePos === undefined) return [];
  return cellValidationKey.getState(state)?.flags.get(tablePos) ?? [];
}

/**
 * Flags invalid cells (unreadable amount or date, value outside the options) with aria-invalid
 * and a message, without touching what was typed: the check is a decoration, never a change to
 * the document.
 */
export function cellValidation(): Plugin<ValidationState> {
  return new Plugin<ValidationState>({
    key: cellValidationKey,
    state: {
      init: (_, state) => validate(state.doc),
      apply: (tr, previous) => (tr.docChanged ? validate(tr.doc) : previous),
    },
    props: {
      decorations: (state) => cellValidationKey.getState(state)?.decorations,
    },
  });
}
