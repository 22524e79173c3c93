import { Node } from '@tiptap/core';
import type { tableKinds } from '../referential/manifestSchema.js';

export type TypedTableKind = (typeof tableKinds)[number];

/** A column of a typed table, stored on the table node as its `columns` attribute. */
export interface TypedTableColumn {
  id: string;
  label: string;
  type: string;
  enum?: string[];
  required?: boolean;
}

/** The little of the DOM that parsing needs: the core compiles without the DOM library. */
interface ParsedElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): { children: ArrayLike<{ textContent: string | null }> } | null;
}

function parseColumns(element: ParsedElement): TypedTableColumn[] {
  const declared = element.getAttribute('data-columns');
  if (declared) {
    try {
      const parsed: unknown = JSON.parse(declared);
      if (Array.isArray(parsed)) return parsed as TypedTableColumn[];
    } catch {
      // A foreign or damaged attribute: fall back to the header row below.
    }
  }
  const header = element.querySelector('tr');
  const cells = header ? Array.from(header.children) : [];
  return cells.map((cell, index) => ({
    id: `c${index + 1}`,
    label: cell.textContent?.trim() || `Colonne ${index + 1}`,
    type: 'text',
  }));
}

function columnsOf(value: unknown): TypedTableColumn[] {
  return Array.isArray(value) ? (value as TypedTableColumn[]) : [];
}

/**
 * A typed table (budget, action plan, stakeholders, indicators…). Each cell is its own element
 * so that concurrent edits to different cells of one row merge cell by cell in Yjs. It renders
 * as a real <table> whose header row comes from `columns`, so it degrades well (export, paste,
 * clients without the rich view).
 */
export const TypedTable = Node.create({
  name: 'typedTable',
  group: 'block',
  content: 'typedTableRow+',
  isolating: true,
  addAttributes() {
    return {
      kind: {
        default: 'custom',
        parseHTML: (element) => element.getAttribute('data-typed-table') || 'custom',
        renderHTML: (attributes) => ({ 'data-typed-table': attributes.kind }),
      },
      columns: {
        default: [],
        parseHTML: (element) => parseColumns(element),
        renderHTML: (attributes) => ({ 'data-columns': JSON.stringify(columnsOf(attributes.columns)) }),
      },
      sectionId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-section'),
        renderHTML: (attributes) => (attributes.sectionId ? { 'data-section': attributes.sectionId } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'table[data-typed-table]', contentElement: 'tbody' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const header = columnsOf(node.attrs.columns).map((column) => ['th', { 'data-column': column.id }, column.label]);
    return ['table', HTMLAttributes, ['thead', ['tr', ...header]], ['tbody', 0]];
  },
});

export const TypedTableRow = Node.create({
  name: 'typedTableRow',
  content: 'typedTableCell+',
  parseHTML() {
    return [{ tag: 'tr' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['tr', HTMLAttributes, 0];
  },
});

/** Plain text only: the value is read by the rules, totals and charts, not formatted. */
export const TypedTableCell = Node.create({
  name: 'typedTableCell',
  content: 'text*',
  marks: '',
  isolating: true,
  addAttributes() {
    return {
      column: {
        default: '',
        parseHTML: (element) =>
          element.getAttribute('data-column') ?? `c${(element as unknown as { cellIndex: number }).cellIndex + 1}`,
        renderHTML: (attributes) => ({ 'data-column': attributes.column }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'td' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['td', HTMLAttributes, 0];
  },
});
