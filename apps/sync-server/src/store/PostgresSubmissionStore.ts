import type pg from 'pg';
import type { Submission, SubmissionStore, SubmissionWithState } from '../submissions/SubmissionStore.js';
import { toSubmission, type SubmissionRow } from './submissionRows.js';

const COLUMNS = 'id, document_id, name, created_by, created_at';

/** Submissions in the instance's PostgreSQL database; deleting a document deletes them (cascade). */
export class PostgresSubmissionStore implements SubmissionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async create(submission: SubmissionWithState): Promise<Submission> {
    const { state, ...stored } = submission;
    await this.#pool.query('INSERT INTO submissions (id, document_id, name, created_by, created_at, state) VALUES ($1, $2, $3, $4, $5, $6)', [
      submission.id,
      submission.documentId,
      submission.name,
      submission.createdBy,
      submission.createdAt,
      Buffer.from(state.buffer, state.byteOffset, state.byteLength),
    ]);
    return stored;
  }

  async list(documentId: string): Promise<Submission[]> {
    const { rows } = await this.#pool.query<SubmissionRow>(`SELECT ${COLUMNS} FROM submissions WHERE document_id = $1 ORDER BY created_at DESC, seq DESC`, [documentId]);
    return rows.map(toSubmission);
  }

  async get(id: string): Promise<SubmissionWithState | undefined> {
    const { rows } = await this.#pool.query<SubmissionRow>(`SELECT ${COLUMNS}, state FROM submissions WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row?.state) return undefined;
    return { ...toSubmission(row), state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) };
  }

  async listByAuthor(name: string): Promise<Submission[]> {
    const { rows } = await this.#pool.query<SubmissionRow>(`SELECT ${COLUMNS} FROM submissions WHERE created_by = $1 ORDER BY created_at, seq`, [name]);
    return rows.map(toSubmission);
  }
}
