import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  DocumentMetadata,
  DocumentStore,
  NewDocument,
  PendingUpdate,
  QuarantineRecord,
  StoredDocument,
} from './DocumentStore.js';
import { parseRoomName, type ParsedRoom, type RoomLayer } from '../roomName.js';
import { sqliteMigrations } from './sqliteMigrations.js';
import { WalCheckpointer } from './WalCheckpointer.js';

export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteDocumentStoreOptions {
  /** Path of the database file (its folder is created if missing). */
  file: string;
  /**
   * NORMAL survives a process crash in WAL mode; FULL also survives power loss, at the cost of
   * one fsync per commit.
   */
  synchronous?: SqliteSynchronous;
  /**
   * How long a statement waits for a lock held by another connection. better-sqlite3 waits
   * synchronously, freezing every socket of the server meanwhile, so it stays short: the server
   * is the only writer of its data folder (lock file) and backups read through the online backup
   * API, so a lock is a stranger's; a write it refuses is kept in memory and retried.
   * Default {@link DEFAULT_BUSY_TIMEOUT_MS}.
   */
  busyTimeoutMs?: number;
  /**
   * Copy the write-ahead log into the database file from a worker thread (see
   * {@link WalCheckpointer}) rather than inside a commit on the event loop. For the long-running
   * server; one-shot commands keep SQLite's automatic checkpoints.
   */
  checkpointInWorker?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 200;
/** About 1,000 WAL pages, SQLite's own automatic threshold, at ~4 pages per commit. */
const COMMITS_PER_CHECKPOINT = 250;

interface DocumentRow {
  id: string;
  title: string;
  workspace_id: string | null;
  referential_id: string | null;
  template_id: string | null;
  created_at: number;
  updated_at: number;
}

const METADATA_COLUMNS = 'id, title, workspace_id, referential_id, template_id, created_at, updated_at';

export class SqliteDocumentStore implements DocumentStore {
  /** Exposed for later features (accounts, workspaces) that add their own tables and migrations. */
  readonly database: Database.Database;
  private readonly statements;
  /** One snapshot + log pair per room layer (content, review), same shape. */
  private readonly logs: Record<RoomLayer, LogStatements>;
  private readonly appendTransaction: (batch: readonly PendingUpdate[]) => void;
  private readonly compactTransaction: (docId: string, snapshot: Uint8Array, upToRowId: number) => void;
  private checkpointer: WalCheckpointer | undefined;
  private commitsSinceCheckpoint = 0;

  constructor(options: SqliteDocumentStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file);
    this.database = db;
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
    if (options.checkpointInWorker) {
      db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(options.file, () => {
        // Never let the log grow without bound: back to SQLite's automatic checkpoints.
        this.checkpointer = undefined;
        if (db.open) db.pragma('wal_autocheckpoint = 1000');
      });
    }

    this.logs = {
      content: logStatements(db, 'document_snapshots', 'document_updates'),
      review: logStatements(db, 'review_snapshots', 'review_updates'),
    };
    this.statements = {
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ?'),
      touch: db.prepare<[number, string]>('UPDATE documents SET updated_at = ? WHERE id = ?'),
      insertDocument: db.prepare<[string, string, string | null, string | null, string | null, number, number]>(
        'INSERT INTO documents (id, title, workspace_id, referential_id, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getDocument: db.prepare<[string], DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents WHERE id = ?`),
      listDocuments: db.prepare<[], DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents ORDER BY updated_at DESC, rowid DESC`),
      rename: db.prepare<[string, number, string]>('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?'),
      deleteDocument: db.prepare<[string]>('DELETE FROM documents WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents'),
      isQuarantined: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM document_quarantine WHERE doc_id = ? AND room = ?'),
      quarantine: db.prepare<[string, string, string, number, string]>(
        `INSERT INTO document_quarantine (doc_id, room, reason, quarantined_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)
         ON CONFLICT(doc_id) DO UPDATE SET room = excluded.room, reason = excluded.reason, quarantined_at = excluded.quarantined_at`,
      ),
      releaseQuarantine: db.prepare<[string]>('DELETE FROM document_quarantine WHERE doc_id = ?'),
      listQuarantined: db.prepare<[], { doc_id: string; room: string; reason: string; quarantined_at: number }>(
        'SELECT doc_id, room, reason, quarantined_at FROM document_quarantine ORDER BY quarantined_at',
      ),
    };

    this.appendTransaction = db.transaction((batch: readonly PendingUpdate[]) => {
      const now = Date.now();
      const touched = new Set<string>();
      for (const { docId: room, update } of batch) {
        const { docId, layer } = requireRoom(room);
        this.logs[layer].insertUpdate.run(docId, update, now, docId);
        // Only content edits make a document « modifié » in the listing.
        if (layer === 'content') touched.add(docId);
      }
      for (const docId of touched) this.statements.touch.run(now, docId);
    });

    this.compactTransaction = db.transaction((room: string, snapshot: Uint8Array, upToRowId: number) => {
      const { docId, layer } = requireRoom(room);
      if (!this.statements.exists.get(docId)) return;
      this.logs[layer].upsertSnapshot.run(docId, snapshot, Date.now());
      this.logs[layer].deleteFolded.run(docId, upToRowId);
    });
  }

  async loadDocument(room: string): Promise<StoredDocument | undefined> {
    const parsed = parseRoomName(room);
    if (!parsed) return undefined;
    const log = this.logs[parsed.layer];
    // One read transaction, so that a concurrent compaction is seen entirely or not at all.
    return this.database.transaction(() => {
      if (!this.statements.exists.get(parsed.docId)) return undefined;
      const snapshot = log.snapshot.get(parsed.docId);
      const updates = log.updates.all(parsed.docId).map((row) => ({ rowId: row.row_id, update: toBytes(row.data) }));
      const quarantined = this.statements.isQuarantined.get(parsed.docId, room) !== undefined;
      return { snapshot: snapshot ? toBytes(snapshot.data) : null, updates, quarantined };
    })();
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    this.appendTransaction(batch);
    this.committed();
  }

  async compact(room: string, snapshot: Uint8Array, upToRowId: number): Promise<void> {
    this.compactTransaction(room, snapshot, upToRowId);
    this.committed();
  }

  async createDocument(document: NewDocument): Promise<void> {
    this.database.transaction(() => {
      this.statements.insertDocument.run(
        document.id,
        document.title,
        document.workspaceId,
        document.referentialId,
        document.templateId,
        document.createdAt,
        document.createdAt,
      );
      this.logs.content.upsertSnapshot.run(document.id, document.snapshot, document.createdAt);
    })();
  }

  async getDocument(id: string): Promise<DocumentMetadata | undefined> {
    const row = this.statements.getDocument.get(id);
    return row ? toMetadata(row) : undefined;
  }

  async listDocuments(): Promise<DocumentMetadata[]> {
    return this.statements.listDocuments.all().map(toMetadata);
  }

  async renameDocument(id: string, title: string, now: number): Promise<boolean> {
    return this.statements.rename.run(title, now, id).changes > 0;
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.statements.deleteDocument.run(id).changes > 0;
  }

  async quarantine(record: QuarantineRecord): Promise<void> {
    this.statements.quarantine.run(record.docId, record.room, record.reason, record.quarantinedAt, record.docId);
  }

  async releaseQuarantine(docId: string): Promise<void> {
    this.statements.releaseQuarantine.run(docId);
  }

  async listQuarantined(): Promise<QuarantineRecord[]> {
    return this.statements.listQuarantined.all().map((row) => ({
      docId: row.doc_id,
      room: row.room,
      reason: row.reason,
      quarantinedAt: row.quarantined_at,
    }));
  }

  async countDocuments(): Promise<number> {
    return this.statements.count.get()?.n ?? 0;
  }

  async close(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.close();
    // The last connection to close checkpoints what is left and removes the log.
    if (this.database.open) this.database.close();
  }

  private committed(): void {
    if (!this.checkpointer || ++this.commitsSinceCheckpoint < COMMITS_PER_CHECKPOINT) return;
    this.commitsSinceCheckpoint = 0;
    this.checkpointer.request();
  }
}

type LogStatements = ReturnType<typeof logStatements>;

function logStatements(db: Database.Database, snapshots: string, updates: string) {
  return {
    snapshot: db.prepare<[string], { data: Buffer }>(`SELECT data FROM ${snapshots} WHERE doc_id = ?`),
    updates: db.prepare<[string], { row_id: number; data: Buffer }>(`SELECT row_id, data FROM ${updates} WHERE doc_id = ? ORDER BY row_id`),
    insertUpdate: db.prepare<[string, Uint8Array, number, string]>(
      `INSERT INTO ${updates} (doc_id, data, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)`,
    ),
    upsertSnapshot: db.prepare<[string, Uint8Array, number]>(
      `INSERT INTO ${snapshots} (doc_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    deleteFolded: db.prepare<[string, number]>(`DELETE FROM ${updates} WHERE doc_id = ? AND row_id <= ?`),
  };
}

function requireRoom(room: string): ParsedRoom {
  const parsed = parseRoomName(room);
  if (!parsed) throw new Error(`Invalid room name: ${JSON.stringify(room)}`);
  return parsed;
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > sqliteMigrations.length) {
    throw new Error(
      `The database schema (version ${current}) is newer than this server (version ${sqliteMigrations.length}).`,
    );
  }
  for (let version = current; version < sqliteMigrations.length; version++) {
    db.transaction(() => {
      db.exec(sqliteMigrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toMetadata(row: DocumentRow): DocumentMetadata {
  return {
    id: row.id,
    title: row.title,
    workspaceId: row.workspace_id,
    referentialId: row.referential_id,
    templateId: row.template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
