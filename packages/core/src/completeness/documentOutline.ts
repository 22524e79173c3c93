import type { Template } from '../referential/manifestSchema.js';
import type { ProseMirrorJSON } from '../schema/documentContent.js';
import { countWords } from './countWords.js';
import { normalizeText } from './normalizeText.js';

/** A typed table as the rules read it: cell texts by column id, empty rows left out. */
export interface OutlineTable {
  kind: string;
  columns: string[];
  rows: Record<string, string>[];
}

export interface OutlineSection {
  /** The template section this part of the document belongs to. */
  id: string;
  heading: string;
  words: number;
  tables: OutlineTable[];
}

/** What the completeness rules need from a document, extracted in one pass. */
export interface DocumentOutline {
  sections: Map<string, OutlineSection>;
  totalWords: number;
}

function textOf(node: ProseMirrorJSON): string {
  if (node.text !== undefined) return node.text;
  const content = node.content;
  if (!content) return '';
  if (content.length === 1) return textOf(content[0]!);
  let out = '';
  for (const child of content) out += textOf(child);
  return out;
}

function readTable(node: ProseMirrorJSON): OutlineTable {
  const columns = Array.isArray(node.attrs?.columns)
    ? (node.attrs.columns as { id?: unknown }[]).map((column) => String(column.id))
    : [];
  const rows: Record<string, string>[] = [];
  for (const row of node.content ?? []) {
    const cells: Record<string, string> = {};
    let filled = false;
    for (const cell of row.content ?? []) {
      const value = textOf(cell).trim();
      if (value !== '') filled = true;
      cells[String(cell.attrs?.column ?? '')] = value;
    }
    if (filled) rows.push(cells);
  }
  return { kind: String(node.attrs?.kind ?? 'custom'), columns, rows };
}

/**
 * Splits a document into its template sections. A heading starts a section when it carries a
 * `sectionId` or, failing that, when its text matches a template heading (case- and
 * accent-insensitive); the author's own sub-headings stay inside the current section.
 */
export function extractOutline(content: ProseMirrorJSON, template?: Template): DocumentOutline {
  const sections = new Map<string, OutlineSection>();
  const known = new Map<string, string>();
  const byHeading = new Map<string, string>();
  for (const section of template?.sections ?? []) {
    known.set(section.id, section.heading);
    byHeading.set(normalizeText(section.heading), section.id);
  }
  let totalWords = 0;
  let current: OutlineSection | undefined;

  const enter = (id: string, heading: string) => {
    let section = sections.get(id);
    if (!section) {
      section = { id, heading: known.get(id) ?? heading, words: 0, tables: [] };
      sections.set(id, section);
    }
    current = section;
  };

  const visit = (node: ProseMirrorJSON) => {
    switch (node.type) {
      case 'heading': {
        const text = textOf(node);
        const declared = node.attrs?.sectionId;
        const id = typeof declared === 'string' && declared !== '' ? declared : byHeading.get(normalizeText(text));
        if (id !== undefined) {
          enter(id, text);
          return;
        }
        const words = countWords(text);
        totalWords += words;
        if (current) current.words += words;
        return;
      }
      case 'typedTable': {
        const table = readTable(node);
        const declared = node.attrs?.sectionId;
        const owner = typeof declared === 'string' && declared !== '' ? declared : current?.id;
        let words = 0;
        for (const row of table.rows) for (const column in row) words += countWords(row[column]!);
        totalWords += words;
        if (owner !== undefined) {
          if (!sections.has(owner)) {
            const previous = current;
            enter(owner, known.get(owner) ?? owner);
            current = previous;
          }
          const section = sections.get(owner)!;
          section.tables.push(table);
          section.words += words;
        }
        return;
      }
      case 'paragraph':
      case 'codeBlock': {
        const words = countWords(textOf(node));
        totalWords += words;
        if (current) current.words += words;
        return;
      }
      default:
        if (node.text !== undefined) {
          const words = countWords(node.text);
          totalWords += words;
          if (current) current.words += words;
          return;
        }
        for (const child of node.content ?? []) visit(child);
    }
  };

  for (const child of content.content ?? []) visit(child);
  return { sections, totalWords };
}
