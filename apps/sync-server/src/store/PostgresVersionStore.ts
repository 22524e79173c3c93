import type pg from 'pg';
import type { NewVersion, Version, VersionStore, VersionWithState } from '../versions/VersionStore.js';
import { VERSION_COLUMNS, toVersion, packState, unpackState, type VersionRow } from './versionRows.js';

/** Versions in the instance's PostgreSQL database; deleting a document deletes them (cascade). */
export class PostgresVersionStore implements VersionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async create(version: NewVersion): Promise<Version> {
    const { state, ...rest } = version;
    const { data, encoding } = await packState(state);
    await this.#pool.query(
      'INSERT INTO versions (id, document_id, kind, name, created_at, created_by, editors, restored_from, bytes, encoding, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
      [rest.id, rest.documentId, rest.kind, rest.name, rest.createdAt, rest.createdBy, JSON.stringify(rest.editors), rest.restoredFrom, data.byteLength, encoding, data],
    );
    return { ...rest, bytes: data.byteLength };
  }

  async list(documentId: string): Promise<Version[]> {
    const { rows } = await this.#pool.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = $1 ORDER BY created_at DESC, seq DESC`, [documentId]);
    return rows.map(toVersion);
  }

  async get(id: string): Promise<VersionWithState | undefined> {
    const { rows } = await this.#pool.query<VersionRow>(`SELECT ${VERSION_COLUMNS}, encoding, state FROM versions WHERE id = $1`, [id]);
    const row = rows[0];
    return row ? { ...toVersion(row), state: await unpackState(row) } : undefined;
  }

  async delete(documentId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { rowCount } = await this.#pool.query('DELETE FROM versions WHERE document_id = $1 AND id = ANY($2::text[])', [documentId, [...ids]]);
    return rowCount ?? 0;
  }
}
