import type pg from 'pg';
import type {
  DocumentMetadata,
  DocumentStore,
  NewDocument,
  PendingUpdate,
  QuarantineRecord,
  StoredDocument,
  TrashedDocument,
} from './DocumentStore.js';
import { parseRoomName, type ParsedRoom, type RoomLayer } from '@canevas/core';
import { METADATA_COLUMNS, QUARANTINE_COLUMNS, TRASHED_COLUMNS, toBytes, toMetadata, toQuarantineRecord, toTrashed, type DocumentRow, type QuarantineRow, type TrashedRow } from './documentRows.js';
import { inTransaction, onLiveConnection } from './postgresPool.js';
import { QuotaExceededError } from './quotas.js';

const TABLES: Record<RoomLayer, { snapshots: string; updates: string }> = {
  content: { snapshots: 'document_snapshots', updates: 'document_updates' },
  review: { snapshots: 'review_snapshots', updates: 'review_updates' },
};

/**
 * The room's advisory lock: appends and folds of one room take it, so that its rows get their
 * ids in commit order. A reader therefore always sees a prefix of the room's log, and a fold up
 * to the last row it read holds every row it deletes. (A hash collision between two rooms only
 * makes them wait for each other.)
 */
const ROOM_LOCK = 'pg_advisory_xact_lock(hashtextextended($1, 0))';

/**
 * One statement, hence one round trip and one transaction, for a whole batch: it takes the lock of
 * every room it writes (in name order, so that two processes never wait for each other in a
 * cycle), appends each update to its room's log in batch order, drops those of deleted documents,
 * and bumps `updated_at` of the documents whose content changed.
 */
const APPEND_BATCH = `
WITH batch AS MATERIALIZED (
  SELECT b.doc_id, b.review, b.data, b.ord
  FROM unnest($1::text[], $2::boolean[], $3::bytea[]) WITH ORDINALITY AS b (doc_id, review, data, ord)
),
locked AS MATERIALIZED (
  SELECT count(pg_advisory_xact_lock(hashtextextended(r.room, 0))) AS rooms
  FROM (SELECT DISTINCT CASE WHEN review THEN doc_id || '/review' ELSE doc_id END AS room FROM batch ORDER BY 1) r
),
content AS (
  INSERT INTO document_updates (doc_id, data, created_at)
  SELECT b.doc_id, b.data, $4 FROM batch b, locked
  WHERE NOT b.review AND EXISTS (SELECT 1 FROM documents d WHERE d.id = b.doc_id)
  ORDER BY b.ord
  RETURNING doc_id
),
review AS (
  INSERT INTO review_updates (doc_id, data, created_at)
  SELECT b.doc_id, b.data, $4 FROM batch b, locked
  WHERE b.review AND EXISTS (SELECT 1 FROM documents d WHERE d.id = b.doc_id)
  ORDER BY b.ord
  RETURNING doc_id
)
UPDATE documents SET updated_at = $4 WHERE id IN (SELECT doc_id FROM content)`;

/** Snapshot (row_id -1, present iff the document exists, out of the bin) and log in one statement: one view. */
const loadStatement = (layer: RoomLayer) => `
SELECT -1::bigint AS row_id, s.data, EXISTS (SELECT 1 FROM document_quarantine q WHERE q.doc_id = d.id AND q.room = $2) AS quarantined
FROM documents d LEFT JOIN ${TABLES[layer].snapshots} s ON s.doc_id = d.id WHERE d.id = $1 AND d.trashed_at IS NULL
UNION ALL
SELECT u.row_id, u.data, NULL FROM ${TABLES[layer].updates} u WHERE u.doc_id = $1
ORDER BY row_id`;

export interface PostgresDocumentStoreOptions {
  /** The pool (see `createPostgresPool`), migrated (`migratePostgres`). */
  pool: pg.Pool;
  /** Whether `close()` ends the pool: false when other stores share it. Default true. */
  ownsPool?: boolean;
}

/**
 * The document store on PostgreSQL, for instances that share one database. Persist before
 * broadcast holds as with SQLite: `appendUpdates` resolves once its single statement committed.
 * Faults surface as pg errors whose SQLSTATE `storageFaultKind` names (full, read-only, busy).
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;

  constructor(options: PostgresDocumentStoreOptions) {
    this.#pool = options.pool;
    this.#ownsPool = options.ownsPool ?? true;
  }

  async loadDocument(room: string): Promise<StoredDocument | undefined> {
    const parsed = parseRoomName(room);
    if (!parsed) return undefined;
    const { rows } = await onLiveConnection(this.#pool, () =>
      this.#pool.query<{ row_id: number; data: Buffer | null; quarantined: boolean | null }>({
        name: `load-${parsed.layer}`,
        text: loadStatement(parsed.layer),
        values: [parsed.docId, room],
      }),
    );
    const [head, ...log] = rows;
    if (!head || head.row_id !== -1) return undefined;
    return {
      snapshot: head.data ? toBytes(head.data) : null,
      updates: log.map((row) => ({ rowId: row.row_id, update: toBytes(row.data!) })),
      quarantined: head.quarantined === true,
    };
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const docIds: string[] = [];
    const review: boolean[] = [];
    const data: Buffer[] = [];
    for (const { room, update } of batch) {
      const { docId, layer } = requireRoom(room);
      docIds.push(docId);
      review.push(layer === 'review');
      data.push(toBuffer(update));
    }
    // Safe to run twice should a session ended by the server leave it in doubt: a Yjs update
    // applied twice changes nothing.
    const createdAt = Date.now();
    await onLiveConnection(this.#pool, () =>
      this.#pool.query({ name: 'append-batch', text: APPEND_BATCH, values: [docIds, review, data, createdAt] }),
    );
  }

  /**
   * Under the room's lock: a snapshot that holds less than the stored one (a slower process
   * folded an older view) is dropped, since the rows it lacks are gone; otherwise it replaces the
   * stored one and the rows up to `upToRowId`, which it holds, are deleted.
   */
  async foldLog(room: string, snapshot: Uint8Array, upToRowId: number): Promise<void> {
    const { docId, layer } = requireRoom(room);
    const { snapshots, updates } = TABLES[layer];
    await inTransaction(this.#pool, async (client) => {
      await client.query(`SELECT ${ROOM_LOCK}`, [room]);
      const { rows } = await client.query<{ folded_up_to: number | null; last_row: number | null }>(
        `SELECT s.folded_up_to, (SELECT MAX(u.row_id) FROM ${updates} u WHERE u.doc_id = d.id AND u.row_id <= $2) AS last_row
         FROM documents d LEFT JOIN ${snapshots} s ON s.doc_id = d.id WHERE d.id = $1`,
        [docId, upToRowId],
      );
      const current = rows[0];
      if (!current) return;
      const foldedUpTo = current.folded_up_to ?? 0;
      if (upToRowId < foldedUpTo) return;
      await client.query(
        `INSERT INTO ${snapshots} (doc_id, data, updated_at, folded_up_to) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, folded_up_to = excluded.folded_up_to`,
        [docId, toBuffer(snapshot), Date.now(), Math.max(foldedUpTo, current.last_row ?? 0)],
      );
      await client.query(`DELETE FROM ${updates} WHERE doc_id = $1 AND row_id <= $2`, [docId, upToRowId]);
    });
  }

  async createDocument(document: NewDocument, limits: { maxPerWorkspace?: number } = {}): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      const max = limits.maxPerWorkspace;
      if (max !== undefined && document.workspaceId !== null) {
        // Two creations in one workspace count one after the other.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [document.workspaceId]);
        const { rows } = await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM documents WHERE workspace_id = $1', [document.workspaceId]);
        if (rows[0]!.n >= max) throw new QuotaExceededError('documents', max);
      }
      await client.query(
        `INSERT INTO documents (id, title, workspace_id, referential_id, template_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [document.id, document.title, document.workspaceId, document.referentialId, document.templateId, document.createdAt],
      );
      await client.query('INSERT INTO document_snapshots (doc_id, data, updated_at) VALUES ($1, $2, $3)', [
        document.id,
        toBuffer(document.snapshot),
        document.createdAt,
      ]);
    });
  }

  async getDocument(id: string): Promise<DocumentMetadata | undefined> {
    const { rows } = await this.#pool.query<DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents WHERE id = $1 AND trashed_at IS NULL`, [id]);
    return rows[0] && toMetadata(rows[0]);
  }

  async listDocuments(): Promise<DocumentMetadata[]> {
    const { rows } = await this.#pool.query<DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents WHERE trashed_at IS NULL ORDER BY updated_at DESC, seq DESC`);
    return rows.map(toMetadata);
  }

  async renameDocument(id: string, title: string, now: number): Promise<boolean> {
    const result = await this.#pool.query('UPDATE documents SET title = $1, updated_at = $2 WHERE id = $3 AND trashed_at IS NULL', [title, now, id]);
    return (result.rowCount ?? 0) > 0;
  }

  async trashDocument(id: string, at: number, by: string | null): Promise<boolean> {
    const result = await this.#pool.query('UPDATE documents SET trashed_at = $1, trashed_by = $2 WHERE id = $3 AND trashed_at IS NULL', [at, by, id]);
    return (result.rowCount ?? 0) > 0;
  }

  async restoreTrashedDocument(id: string): Promise<boolean> {
    const result = await this.#pool.query('UPDATE documents SET trashed_at = NULL, trashed_by = NULL WHERE id = $1 AND trashed_at IS NOT NULL', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async listTrashed(): Promise<TrashedDocument[]> {
    const { rows } = await this.#pool.query<TrashedRow>(`SELECT ${TRASHED_COLUMNS} FROM documents WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, seq DESC`);
    return rows.map(toTrashed);
  }

  async deleteDocument(id: string): Promise<boolean> {
    const result = await this.#pool.query('DELETE FROM documents WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async quarantine(record: QuarantineRecord): Promise<void> {
    await this.#pool.query(
      `INSERT INTO document_quarantine (doc_id, room, reason, quarantined_at)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM documents WHERE id = $1)
       ON CONFLICT (doc_id) DO UPDATE SET room = excluded.room, reason = excluded.reason, quarantined_at = excluded.quarantined_at`,
      [record.docId, record.room, record.reason, record.quarantinedAt],
    );
  }

  async releaseQuarantine(docId: string): Promise<void> {
    await this.#pool.query('DELETE FROM document_quarantine WHERE doc_id = $1', [docId]);
  }

  async listQuarantined(): Promise<QuarantineRecord[]> {
    const { rows } = await this.#pool.query<QuarantineRow>(`SELECT ${QUARANTINE_COLUMNS} FROM document_quarantine ORDER BY quarantined_at, doc_id`);
    return rows.map(toQuarantineRecord);
  }

  async placeUnassignedDocuments(workspace: { id: string; name: string; createdAt: number }): Promise<number> {
    return inTransaction(this.#pool, async (client) => {
      // Two processes placing at once: the second finds nothing left and creates no workspace.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 3))', ['place-unassigned']);
      const { rows } = await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM documents WHERE workspace_id IS NULL');
      if (rows[0]!.n === 0) return 0;
      await client.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [workspace.id, workspace.name, workspace.createdAt]);
      const moved = await client.query('UPDATE documents SET workspace_id = $1 WHERE workspace_id IS NULL', [workspace.id]);
      return moved.rowCount ?? 0;
    });
  }

  async countDocuments(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM documents');
    return rows[0]!.n;
  }

  async close(): Promise<void> {
    if (this.#ownsPool && !this.#pool.ended) await this.#pool.end();
  }
}

function requireRoom(room: string): ParsedRoom {
  const parsed = parseRoomName(room);
  if (!parsed) throw new Error(`Invalid room name: ${JSON.stringify(room)}`);
  return parsed;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
