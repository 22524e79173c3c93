import type { Template } from '../referential/manifestSchema.js';
import type { ProseMirrorJSON } from '../schema/documentContent.js';
import type { TypedTableColumn } from '../schema/typedTable.js';
import { columnsFromAttribute } from '../tables/rawTableFromJSON.js';
import { WordCounter } from './countWords.js';
import { normalizeText } from './normalizeText.js';

/** A typed table as the rules read it: cell texts by column id, empty rows left out. */
export interface OutlineTable {
  kind: string;
  columns: string[];
  /** The columns as the table itself declares them (types, options), for typed checks. */
  definitions: TypedTableColumn[];
  rows: Record<string, string>[];
  /** For each row, its 1-based number in the table, empty rows counted (what the user sees). */
  rowNumbers: number[];
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
  const rowNumbers: number[] = [];
  (node.content ?? []).forEach((row, index) => {
    const cells: Record<string, string> = {};
    let filled = false;
    for (const cell of row.content ?? []) {
      const value = textOf(cell).trim();
      if (value !== '') filled = true;
      cells[String(cell.attrs?.column ?? '')] = value;
    }
    if (filled) {
      rows.push(cells);
      rowNumbers.push(index + 1);
    }
  });
  return { kind: String(node.attrs?.kind ?? 'custom'), columns, definitions: columnsFromAttribute(node.attrs?.columns), rows, rowNumbers };
}

function feedText(counter: WordCounter, node: ProseMirrorJSON) {
  if (node.text !== undefined) {
    counter.feed(node.text);
    return;
  }
  const content = node.content;
  if (!content) return;
  for (let i = 0; i < content.length; i++) feedText(counter, content[i]!);
}

const headingsCache = new WeakMap<Template, { known: Map<string, string>; byHeading: Map<string, string> }>();

function templateHeadings(template: Template | undefined) {
  if (!template) return { known: new Map<string, string>(), byHeading: new Map<string, string>() };
  let cached = headingsCache.get(template);
  if (!cached) {
    cached = { known: new Map(), byHeading: new Map() };
    for (const section of template.sections) {
      cached.known.set(section.id, section.heading);
      cached.byHeading.set(normalizeText(section.heading), section.id);
    }
    headingsCache.set(template, cached);
  }
  return cached;
}

/**
 * Splits a document into its template sections. A heading starts a section when it carries a
 * `sectionId` or, failing that, when its text matches a template heading (case- and
 * accent-insensitive); the author's own sub-headings stay inside the current section.
 */
export function extractOutline(content: ProseMirrorJSON, template?: Template): DocumentOutline {
  const sections = new Map<string, OutlineSection>();
  const { known, byHeading } = templateHeadings(template);
  const counter = new WordCounter();
  let current: OutlineSection | undefined;

  const sectionFor = (id: string, heading: string): OutlineSection => {
    let section = sections.get(id);
    if (!section) {
      section = { id, heading: known.get(id) ?? heading, words: 0, tables: [] };
      sections.set(id, section);
    }
    return section;
  };

  /** Counts a block's words into the current section. */
  const countBlock = (node: ProseMirrorJSON) => {
    const before = counter.words;
    feedText(counter, node);
    counter.break();
    if (current) current.words += counter.words - before;
  };

  const blocks = content.content ?? [];
  for (let b = 0; b < blocks.length; b++) {
    const node = blocks[b]!;
    if (node.type === 'heading') {
      const declared = node.attrs?.sectionId;
      const id = typeof declared === 'string' && declared !== ''
        ? declared
        : byHeading.size > 0 ? byHeading.get(normalizeText(textOf(node))) : undefined;
      if (id !== undefined) current = sectionFor(id, textOf(node));
      else countBlock(node);
    } else if (node.type === 'typedTable') {
      const table = readTable(node);
      const declared = node.attrs?.sectionId;
      const ownerId = typeof declared === 'string' && declared !== '' ? declared : current?.id;
      const before = counter.words;
      for (const row of table.rows) for (const column in row) counter.feed(row[column]!).break();
      if (ownerId !== undefined) {
        const owner = sectionFor(ownerId, ownerId);
        owner.tables.push(table);
        owner.words += counter.words - before;
      }
    } else {
      countBlock(node);
    }
  }
  return { sections, totalWords: counter.words };
}
