import { columnsFromAttribute } from '@canevas/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** Set by the table commands, whose structural changes (rows added or removed) are intended. */
export const STRUCTURE_META = 'typedTableStructure';

/** A row whose cells are not exactly the table's columns, in order. */
function isMalformed(row: ProseMirrorNode, columnIds: string[]): boolean {
  if (columnIds.length === 0) return false;
  if (row.childCount !== columnIds.length) return true;
  for (let i = 0; i < columnIds.length; i++) if (row.child(i).attrs.column !== columnIds[i]) return true;
  return false;
}

/** Malformed rows that touch [from, to]; a damaged row elsewhere is not this edit's doing. */
export function malformedRowsAround(doc: ProseMirrorNode, from: number, to: number): number {
  let count = 0;
  const start = Math.max(0, from - 1);
  const end = Math.min(doc.content.size, to + 1);
  doc.nodesBetween(start, end, (node, pos) => {
    if (node.type.name !== 'typedTable') return node.isBlock && !node.isTextblock;
    const columnIds = columnsFromAttribute(node.attrs.columns).map((column) => column.id);
    node.forEach((row, offset) => {
      const rowPos = pos + 1 + offset;
      if (rowPos + row.nodeSize >= start && rowPos <= end && isMalformed(row, columnIds)) count++;
    });
    return false;
  });
  return count;
}

/** True when a local transaction would merge or split the cells of a typed-table row. */
export function breaksTableRows(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const before = tr.docs[i]!;
    const after = i + 1 < tr.docs.length ? tr.docs[i + 1]! : tr.doc;
    let broken = false;
    tr.mapping.maps[i]!.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (!broken) broken = malformedRowsAround(after, newStart, newEnd) > malformedRowsAround(before, oldStart, oldEnd);
    });
    if (broken) return true;
  }
  return false;
}

/**
 * Keeps every row of a typed table one cell per column. A text selection across cells, a paste
 * or a drop would otherwise merge or split cells: a column's value would move into another or
 * vanish, and a concurrent edit of that cell would be lost. Such a local change is refused (the
 * Backspace and Delete keys clear the cells instead). Changes from other clients are never
 * filtered: the editor must mirror the shared document.
 */
export function typedTableGuard(): Plugin {
  return new Plugin({
    key: new PluginKey('typedTableGuard'),
    filterTransaction(tr) {
      if (!tr.docChanged || tr.getMeta(STRUCTURE_META) || tr.getMeta(ySyncPluginKey)) return true;
      return !breaksTableRows(tr);
    },
  });
}
