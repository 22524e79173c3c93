import type { Submission } from '../submissions/SubmissionStore.js';

/** A `submissions` row as both engines return it (same column names in SQLite and PostgreSQL). */
export interface SubmissionRow {
  id: string;
  document_id: string;
  name: string;
  created_by: string;
  created_at: number;
  state?: Buffer;
}

export const toSubmission = (row: SubmissionRow): Submission => ({
  id: row.id,
  documentId: row.document_id,
  name: row.name,
  createdBy: row.created_by,
  createdAt: row.created_at,
});
