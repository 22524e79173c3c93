import type { ProseMirrorJSON } from '../schema/documentContent.js';
import type { TypedTableColumn } from '../schema/typedTable.js';
import type { RawRow, RawTable } from './TableModel.js';

function textOf(node: ProseMirrorJSON): string {
  if (node.text !== undefined) return node.text;
  let out = '';
  for (const child of node.content ?? []) out += textOf(child);
  return out;
}

/** The `columns` attribute, whether stored as an array or (from HTML) as its JSON text. */
export function columnsFromAttribute(value: unknown): TypedTableColumn[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (column): column is TypedTableColumn =>
      typeof column === 'object' && column !== null && typeof (column as TypedTableColumn).id === 'string',
  );
}

/** Reads a `typedTable` node of ProseMirror JSON (`editor.getJSON()`, `yDocToProseMirrorJSON`). */
export function rawTableFromJSON(node: ProseMirrorJSON): RawTable {
  const rows: RawRow[] = [];
  for (const row of node.content ?? []) {
    const cells: RawRow = {};
    for (const cell of row.content ?? []) cells[String(cell.attrs?.column ?? '')] = textOf(cell);
    rows.push(cells);
  }
  const sectionId = node.attrs?.sectionId;
  return {
    kind: typeof node.attrs?.kind === 'string' ? node.attrs.kind : 'custom',
    columns: columnsFromAttribute(node.attrs?.columns),
    sectionId: typeof sectionId === 'string' && sectionId !== '' ? sectionId : null,
    rows,
  };
}

/** Every typed table of a document, in document order (tables are top-level blocks). */
export function typedTablesOf(doc: ProseMirrorJSON): RawTable[] {
  const tables: RawTable[] = [];
  const visit = (node: ProseMirrorJSON) => {
    if (node.type === 'typedTable') {
      tables.push(rawTableFromJSON(node));
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return tables;
}
