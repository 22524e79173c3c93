import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { readTableNode } from './readTableNode.js';

interface CellFlag {
  /** Offset of the cell inside its table node. */
  offset: number;
  size: number;
  message: string;
}

// Per table node, so that typing in one table does not re-read the others.
const flagsCache = new WeakMap<ProseMirrorNode, CellFlag[]>();

function flagsOf(table: ProseMirrorNode): CellFlag[] {
  let flags = flagsCache.get(table);
  if (flags) return flags;
  flags = [];
  const data = readTableNode(table);
  const invalid = new Map(data.errors.map((error) => [`${error.row}:${error.column}`, error.message]));
  if (invalid.size > 0) {
    let rowIndex = 0;
    table.forEach((row, rowOffset) => {
      row.forEach((cell, cellOffset) => {
        const message = invalid.get(`${rowIndex}:${String(cell.attrs.column)}`);
        if (message !== undefined) flags!.push({ offset: 1 + rowOffset + 1 + cellOffset, size: cell.nodeSize, message });
      });
      rowIndex++;
    });
  }
  flagsCache.set(table, flags);
  return flags;
}

function messageElement(id: string, message: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'typed-cell__error';
  element.contentEditable = 'false';
  element.id = id;
  element.textContent = message;
  return element;
}

function decorate(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'typedTable') return node.isBlock && !node.isTextblock;
    for (const flag of flagsOf(node)) {
      const from = pos + flag.offset;
      const to = from + flag.size;
      // The id ties the cell to its message for assistive technologies.
      const id = `typed-cell-error-${from}`;
      decorations.push(
        Decoration.node(from, to, { 'aria-invalid': 'true', 'aria-describedby': id, class: 'typed-cell--invalid' }),
        Decoration.widget(
          to - 1,
          () => messageElement(id, flag.message),
          { side: 1, ignoreSelection: true, key: `${id}:${flag.message}` },
        ),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Flags invalid cells (unreadable amount or date, value outside the options) with
 * aria-invalid and a visible message, without touching what was typed: the check is a
 * decoration, never a change to the document.
 */
export function cellValidation(): Plugin {
  const key = new PluginKey<DecorationSet>('typedCellValidation');
  return new Plugin({
    key,
    state: {
      init: (_, state) => decorate(state.doc),
      apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  });
}
