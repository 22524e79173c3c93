import type { DocumentMetadata, QuarantineRecord, TrashedDocument } from './DocumentStore.js';

// Rows of the document tables as both engines return them (same column names in SQLite and
// PostgreSQL), and the one mapping of each to what the DocumentStore interface gives.

export interface DocumentRow {
  id: string;
  title: string;
  workspace_id: string | null;
  referential_id: string | null;
  template_id: string | null;
  created_at: number;
  updated_at: number;
}

export const METADATA_COLUMNS = 'id, title, workspace_id, referential_id, template_id, created_at, updated_at';

export const toMetadata = (row: DocumentRow): DocumentMetadata => ({
  id: row.id,
  title: row.title,
  workspaceId: row.workspace_id,
  referentialId: row.referential_id,
  templateId: row.template_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface TrashedRow extends DocumentRow {
  trashed_at: number;
  trashed_by: string | null;
}

export const TRASHED_COLUMNS = `${METADATA_COLUMNS}, trashed_at, trashed_by`;

export const toTrashed = (row: TrashedRow): TrashedDocument => ({ ...toMetadata(row), trashedAt: row.trashed_at, trashedBy: row.trashed_by });

export interface QuarantineRow {
  doc_id: string;
  room: string;
  reason: string;
  quarantined_at: number;
}

export const QUARANTINE_COLUMNS = 'doc_id, room, reason, quarantined_at';

export const toQuarantineRecord = (row: QuarantineRow): QuarantineRecord => ({
  docId: row.doc_id,
  room: row.room,
  reason: row.reason,
  quarantinedAt: row.quarantined_at,
});

/** A blob column's bytes, without copying them. */
export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
