import type { TypedTableColumn } from '../schema/typedTable.js';

/**
 * A typed table as it is stored: cell texts by column id, one record per row, empty rows kept
 * (their index is what the editor uses to flag a cell). Read from ProseMirror JSON, from a live
 * Y.XmlElement or from an editor node, so that every reader computes the same thing.
 */
export interface RawTable {
  kind: string;
  columns: TypedTableColumn[];
  sectionId: string | null;
  rows: RawRow[];
}

/** Column id → the cell's text exactly as typed. */
export type RawRow = Record<string, string>;

/**
 * One cell read by its column's type. `raw` is the text as typed and is never changed; `value`
 * is set when the text is valid and not empty; `error` (French) explains an invalid text.
 */
export type CellValue =
  | { type: 'text'; raw: string; value?: string; error?: undefined }
  | { type: 'eur' | 'number' | 'percent'; raw: string; value?: number; error?: string }
  /** `value`: the ISO calendar date `yyyy-mm-dd`, which sorts and compares as a string. */
  | { type: 'date'; raw: string; value?: string; error?: string }
  /** `value`: the canonical option (« Terminée » for a typed « terminee »). */
  | { type: 'enum'; raw: string; value?: string; error?: string };

export interface TypedRow {
  /** Position among the table's rows, empty rows included. */
  index: number;
  cells: Record<string, CellValue>;
  /** Every cell is blank: totals and rules skip the row. */
  empty: boolean;
  /**
   * A cell of the row is to correct (« cellules à corriger, non comptées dans les calculs »). An
   * invalid cell is never counted; where a row's cells decide together where an amount goes (a
   * budget's nature and source), the whole row counts nowhere until it is corrected.
   */
  invalid: boolean;
}

/** An invalid cell, to list under a table or in a rule's message. */
export interface CellError {
  row: number;
  column: string;
  raw: string;
  message: string;
}

export interface TypedTableData {
  kind: string;
  columns: TypedTableColumn[];
  sectionId: string | null;
  rows: TypedRow[];
  /** Every invalid cell, in reading order. */
  errors: CellError[];
}

/** A line computed under a table (a total, the balance, an écart); never stored in the document. */
export interface ComputedRow {
  /** Stable within a table kind: `charges`, `produits`, `balance`, `source:Mécénat`… */
  id: string;
  label: string;
  /** Formatted for display and export (« 1 234,56 € »). */
  value: string;
  /** `warning` when the line shows a problem (unbalanced budget, late actions, unreadable cells). */
  tone: 'neutral' | 'warning';
}
