import type Database from 'better-sqlite3';
import type { NewVersion, Version, VersionStore, VersionWithState } from '../versions/VersionStore.js';
import { VERSION_COLUMNS, toVersion, packState, unpackState, type VersionRow } from './versionRows.js';

/** Versions live in the instance database; deleting a document deletes them (cascade). */
export class SqliteVersionStore implements VersionStore {
  constructor(private readonly db: Database.Database) {}

  async create(version: NewVersion): Promise<Version> {
    const { state, ...rest } = version;
    const { data, encoding } = await packState(state);
    this.db
      .prepare('INSERT INTO versions (id, document_id, kind, name, created_at, created_by, editors, restored_from, bytes, encoding, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(rest.id, rest.documentId, rest.kind, rest.name, rest.createdAt, rest.createdBy, JSON.stringify(rest.editors), rest.restoredFrom, data.byteLength, encoding, data);
    return { ...rest, bytes: data.byteLength };
  }

  async list(documentId: string): Promise<Version[]> {
    return this.db
      .prepare<[string], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`)
      .all(documentId)
      .map(toVersion);
  }

  async get(id: string): Promise<VersionWithState | undefined> {
    const row = this.db.prepare<[string], VersionRow>(`SELECT ${VERSION_COLUMNS}, encoding, state FROM versions WHERE id = ?`).get(id);
    return row ? { ...toVersion(row), state: await unpackState(row) } : undefined;
  }

  async delete(documentId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const statement = this.db.prepare<[string, string]>('DELETE FROM versions WHERE document_id = ? AND id = ?');
    return this.db.transaction(() => ids.reduce((count, id) => count + statement.run(documentId, id).changes, 0))();
  }
}
