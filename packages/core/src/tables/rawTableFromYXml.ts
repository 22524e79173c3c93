import * as Y from 'yjs';
import { columnsFromAttribute } from './rawTableFromJSON.js';
import type { RawRow, RawTable } from './TableModel.js';

function textOf(element: Y.XmlElement | Y.XmlText): string {
  if (element instanceof Y.XmlText) {
    let out = '';
    // toDelta, not toString: toString would wrap formatted runs in tags.
    for (const op of element.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
    return out;
  }
  let out = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) out += textOf(child);
  }
  return out;
}

/**
 * Reads a live `typedTable` element of a Y.Doc (as y-prosemirror stores it: one element per
 * row and per cell), without going through ProseMirror — for servers and scripts.
 */
export function rawTableFromYXml(table: Y.XmlElement): RawTable {
  const rows: RawRow[] = [];
  for (const row of table.toArray()) {
    if (!(row instanceof Y.XmlElement)) continue;
    const cells: RawRow = {};
    for (const cell of row.toArray()) {
      if (!(cell instanceof Y.XmlElement)) continue;
      cells[String(cell.getAttribute('column') ?? '')] = textOf(cell);
    }
    rows.push(cells);
  }
  const kind: unknown = table.getAttribute('kind');
  const sectionId: unknown = table.getAttribute('sectionId');
  return {
    kind: typeof kind === 'string' ? kind : 'custom',
    columns: columnsFromAttribute(table.getAttribute('columns')),
    sectionId: typeof sectionId === 'string' && sectionId !== '' ? sectionId : null,
    rows,
  };
}
