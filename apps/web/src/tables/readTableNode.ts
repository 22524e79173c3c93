import { columnsFromAttribute, readTypedTable, type RawTable, type TypedTableData } from '@canevas/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** The typed table of an editor node, cell texts as typed. */
export function rawTableFromNode(node: ProseMirrorNode): RawTable {
  const rows: RawTable['rows'] = [];
  node.forEach((row) => {
    const cells: Record<string, string> = {};
    row.forEach((cell) => {
      cells[String(cell.attrs.column ?? '')] = cell.textContent;
    });
    rows.push(cells);
  });
  const sectionId: unknown = node.attrs.sectionId;
  return {
    kind: typeof node.attrs.kind === 'string' ? node.attrs.kind : 'custom',
    columns: columnsFromAttribute(node.attrs.columns),
    sectionId: typeof sectionId === 'string' && sectionId !== '' ? sectionId : null,
    rows,
  };
}

// ProseMirror nodes are immutable and shared while unchanged: an edit elsewhere in the document
// costs nothing, and the cell flags, the panel and the chart read one table once per change.
const cache = new WeakMap<ProseMirrorNode, TypedTableData>();

/** The typed reading of a `typedTable` node (cells typed by column, invalid cells listed). */
export function readTableNode(node: ProseMirrorNode): TypedTableData {
  let table = cache.get(node);
  if (!table) {
    table = readTypedTable(rawTableFromNode(node));
    cache.set(node, table);
  }
  return table;
}
