import type Database from 'better-sqlite3';
import type { Submission, SubmissionStore, SubmissionWithState } from '../submissions/SubmissionStore.js';
import { toSubmission, type SubmissionRow } from './submissionRows.js';

/** Submissions live in the instance database; deleting a document deletes them (cascade). */
export class SqliteSubmissionStore implements SubmissionStore {
  constructor(private readonly db: Database.Database) {}

  async create(submission: SubmissionWithState): Promise<Submission> {
    this.db
      .prepare('INSERT INTO submissions (id, document_id, name, created_by, created_at, state) VALUES (?, ?, ?, ?, ?, ?)')
      .run(submission.id, submission.documentId, submission.name, submission.createdBy, submission.createdAt, submission.state);
    const { state: _state, ...stored } = submission;
    return stored;
  }

  /** Newest first. */
  async list(documentId: string): Promise<Submission[]> {
    return this.db
      .prepare<[string], SubmissionRow>('SELECT id, document_id, name, created_by, created_at FROM submissions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(documentId)
      .map(toSubmission);
  }

  async get(id: string): Promise<SubmissionWithState | undefined> {
    const row = this.db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE id = ?').get(id);
    if (!row?.state) return undefined;
    return { ...toSubmission(row), state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) };
  }

  async listByAuthor(name: string): Promise<Submission[]> {
    return this.db
      .prepare<[string], SubmissionRow>('SELECT id, document_id, name, created_by, created_at FROM submissions WHERE created_by = ? ORDER BY created_at, rowid')
      .all(name)
      .map(toSubmission);
  }
}
