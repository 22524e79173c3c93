/**
 * What every export format renders: a title and a flat list of blocks. Documents, chapters of a
 * dossier and annexes are all turned into these blocks first, so the Markdown, DOCX and PDF
 * renderers stay simple and render the same thing. Everything here is plain text: links hold
 * only addresses that passed `safeHref` (@canevas/core), and no renderer interprets markup in a text.
 */
export interface ExportBook {
  title: string;
  /** One line under the title (« Exporté le 12/06/2026 »). */
  subtitle?: string;
  blocks: Block[];
  /** Document language, for the DOCX and PDF metadata. */
  lang: 'fr-FR';
}

export interface TextMarks {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  code?: boolean;
}

export type Inline =
  | { kind: 'text'; text: string; marks: TextMarks; href?: string }
  | { kind: 'break' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type Block =
  | { kind: 'heading'; level: HeadingLevel; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }
  | { kind: 'pageBreak' }
  | { kind: 'table'; table: ExportTable };

export interface ExportTableColumn {
  label: string;
  /** Amounts, numbers and dates: right-aligned. */
  numeric: boolean;
}

/** A line computed under a table (total, balance, écart); never part of the stored document. */
export interface ExportTotal {
  label: string;
  value: string;
  /** The line shows a problem (unbalanced budget…): rendered in bold red where the format allows. */
  warning: boolean;
}

export interface ExportTable {
  columns: ExportTableColumn[];
  /** Cell texts exactly as typed, one array per row, aligned with `columns`. */
  rows: string[][];
  totals: ExportTotal[];
  /** Totals put their label before this column and their value from it on (the amount column). */
  totalsColumn: number;
  /** Remarks printed under the table (invalid cells, kept as typed). */
  notes: string[];
}

export function text(value: string, marks: TextMarks = {}): Inline {
  return { kind: 'text', text: value, marks };
}

export function paragraph(...inlines: Inline[]): Block {
  return { kind: 'paragraph', inlines };
}

export function heading(level: number, value: string): Block {
  return { kind: 'heading', level: clampHeadingLevel(level), inlines: [text(value)] };
}

export function clampHeadingLevel(level: number): HeadingLevel {
  return Math.min(6, Math.max(1, Math.trunc(level) || 1)) as HeadingLevel;
}

/** The text of inlines without marks (headings in the PDF outline, file names…). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : ' ')).join('');
}

/** A figure (« 15 500,00 € », « 3 actions ») rather than a sentence: kept on one line, right-aligned. */
export function isShortFigure(value: string): boolean {
  return value.length <= 24;
}
