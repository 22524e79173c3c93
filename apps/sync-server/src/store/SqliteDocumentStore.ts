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
  TrashedDocument,
} from './DocumentStore.js';
import { parseRoomName, roomNameOf, type ParsedRoom, type RoomLayer } from '@canevas/core';
import { METADATA_COLUMNS, QUARANTINE_COLUMNS, TRASHED_COLUMNS, toBytes, toMetadata, toQuarantineRecord, toTrashed, type DocumentRow, type QuarantineRow, type TrashedRow } from './documentRows.js';
import { sqliteMigrations } from './sqliteMigrations.js';
import { UnreadableDatabaseError } from './UnreadableDatabaseError.js';
import { createLogger, type Logger } from '../logger.js';
import { UpdateLog, damagedCopyOf, describeLogDamage, readLogFolder, removeImportedFiles, type LogFolderContents, type LogUpdate } from './UpdateLog.js';
import { QuotaExceededError } from './quotas.js';
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
  /**
   * The append-only update log beside the database (`<file>-log/`, see {@link UpdateLog}):
   * - `append`, for the server: leftovers of a previous process are imported as rows at open,
   *   then every batch of updates is one write to the log instead of a SQLite commit;
   * - `read`, for a process beside a running server (commands, backups): the log's updates are
   *   read once at open and served with the stored rows; this process writes rows, never the log.
   * Without it, the log is ignored (a stopped server leaves none).
   */
  updateLog?: 'append' | 'read';
  /** Refuse updates past this many bytes of log files (default: the disk's own limit). */
  updateLogQuotaBytes?: number;
  /** Size at which a log file is sealed (default 16 MiB; tests use small ones). */
  updateLogSegmentBytes?: number;
  /** Where a damaged update log is reported (default: JSON lines on stderr). */
  logger?: Logger;
}

/** The log folder of a database file. */
export function updateLogDirOf(file: string): string {
  return `${file}-log`;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 200;
/** About 1,000 WAL pages, SQLite's own automatic threshold, at ~4 pages per commit. */
const COMMITS_PER_CHECKPOINT = 250;

export class SqliteDocumentStore implements DocumentStore {
  /** Exposed for later features (accounts, workspaces) that add their own tables and migrations. */
  readonly database: Database.Database;
  private readonly statements;
  /** One snapshot + log pair per room layer (content, review), same shape. */
  private readonly logs: Record<RoomLayer, LogStatements>;
  private readonly appendTransaction: (batch: readonly PendingUpdate[]) => void;
  private readonly foldTransaction: (room: string, snapshot: Uint8Array, upToRowId: number) => void;
  private checkpointer: WalCheckpointer | undefined;
  private commitsSinceCheckpoint = 0;
  /** Set in `append` mode. */
  readonly updateLog: UpdateLog | undefined;
  /** In `read` mode: the updates the log held at open, by room. */
  private readonly loggedAtOpen = new Map<string, Uint8Array[]>();
  /** Content edits appended to the log since `updated_at` was last written, by document. */
  private readonly touchedAt = new Map<string, number>();
  private retryRetireAt = 0;

  constructor(options: SqliteDocumentStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file);
    this.database = db;
    try {
      // The first statements read the header and the schema: a damaged file fails here.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw UnreadableDatabaseError.isUnreadable(error) ? new UnreadableDatabaseError(options.file, error) : error;
    }
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
      /** Exists and is not in the bin: what loads. */
      loadable: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ? AND trashed_at IS NULL'),
      touch: db.prepare<[number, string]>('UPDATE documents SET updated_at = ? WHERE id = ?'),
      touchLater: db.prepare<[number, string]>('UPDATE documents SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
      lastRowId: db.prepare<[], { seq: number | null }>(
        "SELECT MAX(seq) AS seq FROM (SELECT MAX(seq) AS seq FROM sqlite_sequence WHERE name IN ('document_updates', 'review_updates') UNION ALL SELECT MAX(row_id) FROM document_updates UNION ALL SELECT MAX(row_id) FROM review_updates)",
      ),
      insertDocument: db.prepare<[string, string, string | null, string | null, string | null, number, number]>(
        'INSERT INTO documents (id, title, workspace_id, referential_id, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      countWorkspaceDocuments: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM documents WHERE workspace_id = ?'),
      getDocument: db.prepare<[string], DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents WHERE id = ? AND trashed_at IS NULL`),
      listDocuments: db.prepare<[], DocumentRow>(`SELECT ${METADATA_COLUMNS} FROM documents WHERE trashed_at IS NULL ORDER BY updated_at DESC, rowid DESC`),
      rename: db.prepare<[string, number, string]>('UPDATE documents SET title = ?, updated_at = ? WHERE id = ? AND trashed_at IS NULL'),
      trash: db.prepare<[number, string | null, string]>('UPDATE documents SET trashed_at = ?, trashed_by = ? WHERE id = ? AND trashed_at IS NULL'),
      untrash: db.prepare<[string]>('UPDATE documents SET trashed_at = NULL, trashed_by = NULL WHERE id = ? AND trashed_at IS NOT NULL'),
      listTrashed: db.prepare<[], TrashedRow>(`SELECT ${TRASHED_COLUMNS} FROM documents WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, rowid DESC`),
      deleteDocument: db.prepare<[string]>('DELETE FROM documents WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents'),
      countUnassigned: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents WHERE workspace_id IS NULL'),
      insertWorkspace: db.prepare<[string, string, number]>('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)'),
      assignUnassigned: db.prepare<[string]>('UPDATE documents SET workspace_id = ? WHERE workspace_id IS NULL'),
      isQuarantined: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM document_quarantine WHERE doc_id = ? AND room = ?'),
      quarantine: db.prepare<[string, string, string, number, string]>(
        `INSERT INTO document_quarantine (doc_id, room, reason, quarantined_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)
         ON CONFLICT(doc_id) DO UPDATE SET room = excluded.room, reason = excluded.reason, quarantined_at = excluded.quarantined_at`,
      ),
      releaseQuarantine: db.prepare<[string]>('DELETE FROM document_quarantine WHERE doc_id = ?'),
      listQuarantined: db.prepare<[], QuarantineRow>(`SELECT ${QUARANTINE_COLUMNS} FROM document_quarantine ORDER BY quarantined_at`),
    };

    this.appendTransaction = db.transaction((batch: readonly PendingUpdate[]) => {
      const now = Date.now();
      const touched = new Set<string>();
      for (const { room, update } of batch) {
        const { docId, layer } = requireRoom(room);
        this.logs[layer].insertUpdate.run(docId, update, now, docId);
        // Only content edits make a document « modifié » in the listing.
        if (layer === 'content') touched.add(docId);
      }
      for (const docId of touched) this.statements.touch.run(now, docId);
    });

    this.foldTransaction = db.transaction((room: string, snapshot: Uint8Array, upToRowId: number) => {
      const { docId, layer } = requireRoom(room);
      if (!this.statements.exists.get(docId)) return;
      this.logs[layer].upsertSnapshot.run(docId, snapshot, Date.now());
      this.logs[layer].deleteFolded.run(docId, upToRowId);
      const touched = layer === 'content' ? this.touchedAt.get(docId) : undefined;
      if (touched !== undefined) this.statements.touchLater.run(touched, docId);
    });

    const logDir = updateLogDirOf(options.file);
    const logger = options.logger ?? createLogger();
    if (options.updateLog === 'append') {
      const leftover = readLogFolder(logDir);
      reportDamage(leftover, logger, true);
      if (leftover.files.length > 0) {
        try {
          this.importLogged(leftover.updates, Math.floor(Math.max(...leftover.files.map((file) => file.modifiedAt))));
        } catch (error) {
          throw new Error(
            `The update log left by the previous run (${leftover.updates.length} updates in ${logDir}) could not be imported: ${(error as Error).message}. Its files are kept; start again once the database accepts writes.`,
            { cause: error },
          );
        }
        removeImportedFiles(leftover);
      }
      this.updateLog = new UpdateLog({
        dir: logDir,
        sync: options.synchronous === 'FULL',
        afterSeq: this.lastRowId(),
        firstSegment: leftover.nextSegment,
        ...(options.updateLogQuotaBytes !== undefined && { quotaBytes: options.updateLogQuotaBytes }),
        ...(options.updateLogSegmentBytes !== undefined && { segmentBytes: options.updateLogSegmentBytes }),
      });
    } else if (options.updateLog === 'read') {
      const logged = readLogFolder(logDir);
      reportDamage(logged, logger, false);
      for (const { room, update } of logged.updates) {
        let updates = this.loggedAtOpen.get(room);
        if (!updates) this.loggedAtOpen.set(room, (updates = []));
        updates.push(update);
      }
    }
  }

  async loadDocument(room: string): Promise<StoredDocument | undefined> {
    const parsed = parseRoomName(room);
    if (!parsed) return undefined;
    const log = this.logs[parsed.layer];
    // One read transaction, so that a concurrent compaction is seen entirely or not at all.
    return this.database.transaction(() => {
      if (!this.statements.loadable.get(parsed.docId)) return undefined;
      const snapshot = log.snapshot.get(parsed.docId);
      const updates = log.updates.all(parsed.docId).map((row) => ({ rowId: row.row_id, update: toBytes(row.data) }));
      const quarantined = this.statements.isQuarantined.get(parsed.docId, room) !== undefined;
      // Logged updates are newer than every row: their sequence numbers continue the row ids.
      if (this.updateLog) for (const { seq, update } of this.updateLog.entries(room)) updates.push({ rowId: seq, update });
      const logged = this.loggedAtOpen.get(room);
      if (logged) {
        const after = updates.at(-1)?.rowId ?? 0;
        logged.forEach((update, index) => updates.push({ rowId: after + index + 1, update }));
      }
      return { snapshot: snapshot ? toBytes(snapshot.data) : null, updates, quarantined };
    })();
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    if (!this.updateLog) {
      this.appendTransaction(batch);
      this.committed();
      return;
    }
    const log = this.updateLog;
    log.append(batch.map(({ room, update }) => ({ room, update })));
    const now = Date.now();
    for (const { room } of batch) {
      const { docId, layer } = requireRoom(room);
      if (layer === 'content') this.touchedAt.set(docId, now);
    }
    this.retireSealedSegments();
  }

  /**
   * Replaces the snapshot and folds the rows and logged updates up to `upToRowId`
   * (`Number.MAX_SAFE_INTEGER`: everything stored so far).
   */
  async foldLog(room: string, snapshot: Uint8Array, upToRowId: number): Promise<void> {
    this.foldTransaction(room, snapshot, upToRowId);
    this.committed();
    this.updateLog?.drop(room, upToRowId);
    const { docId, layer } = requireRoom(room);
    if (layer === 'content' && !this.updateLog?.sizeOf(room).entries) this.touchedAt.delete(docId);
  }

  async createDocument(document: NewDocument, limits: { maxPerWorkspace?: number } = {}): Promise<void> {
    this.database.transaction(() => {
      const max = limits.maxPerWorkspace;
      if (max !== undefined && document.workspaceId !== null && this.statements.countWorkspaceDocuments.get(document.workspaceId)!.n >= max) {
        throw new QuotaExceededError('documents', max);
      }
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
    return row ? this.withLoggedEdits(toMetadata(row)) : undefined;
  }

  async listDocuments(): Promise<DocumentMetadata[]> {
    const documents = this.statements.listDocuments.all().map((row) => this.withLoggedEdits(toMetadata(row)));
    // Stable: equal times keep the newest-created-first order of the query.
    return this.touchedAt.size === 0 ? documents : documents.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async renameDocument(id: string, title: string, now: number): Promise<boolean> {
    return this.statements.rename.run(title, now, id).changes > 0;
  }

  async trashDocument(id: string, at: number, by: string | null): Promise<boolean> {
    return this.statements.trash.run(at, by, id).changes > 0;
  }

  async restoreTrashedDocument(id: string): Promise<boolean> {
    return this.statements.untrash.run(id).changes > 0;
  }

  async listTrashed(): Promise<TrashedDocument[]> {
    return this.statements.listTrashed.all().map((row) => toTrashed(row));
  }

  async deleteDocument(id: string): Promise<boolean> {
    const deleted = this.statements.deleteDocument.run(id).changes > 0;
    for (const layer of ['content', 'review'] as const) this.updateLog?.drop(roomNameOf(id, layer));
    this.touchedAt.delete(id);
    return deleted;
  }

  async quarantine(record: QuarantineRecord): Promise<void> {
    this.statements.quarantine.run(record.docId, record.room, record.reason, record.quarantinedAt, record.docId);
  }

  async releaseQuarantine(docId: string): Promise<void> {
    this.statements.releaseQuarantine.run(docId);
  }

  async listQuarantined(): Promise<QuarantineRecord[]> {
    return this.statements.listQuarantined.all().map(toQuarantineRecord);
  }

  async placeUnassignedDocuments(workspace: { id: string; name: string; createdAt: number }): Promise<number> {
    return this.database.transaction(() => {
      if (this.statements.countUnassigned.get()!.n === 0) return 0;
      this.statements.insertWorkspace.run(workspace.id, workspace.name, workspace.createdAt);
      return this.statements.assignUnassigned.run(workspace.id).changes;
    })();
  }

  async countDocuments(): Promise<number> {
    return this.statements.count.get()?.n ?? 0;
  }

  async close(): Promise<void> {
    if (this.updateLog) {
      try {
        // A stopped server leaves no log: commands and backups then read only the database.
        this.moveLoggedToRows(this.updateLog.rooms().flatMap((room) => this.updateLog!.entries(room).map((entry) => ({ room, ...entry }))));
        for (const room of this.updateLog.rooms()) this.updateLog.drop(room);
        this.writeTouchedTimes();
      } catch {
        // The database refuses writes: the log files stay, and the next start imports them.
      }
      this.updateLog.close();
    }
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.close();
    // The last connection to close checkpoints what is left and removes the log.
    if (this.database.open) this.database.close();
  }

  private withLoggedEdits(metadata: DocumentMetadata): DocumentMetadata {
    const touched = this.touchedAt.get(metadata.id);
    return touched !== undefined && touched > metadata.updatedAt ? { ...metadata, updatedAt: touched } : metadata;
  }

  private writeTouchedTimes(): void {
    this.database.transaction(() => {
      for (const [docId, at] of this.touchedAt) this.statements.touchLater.run(at, docId);
    })();
    this.touchedAt.clear();
  }

  private lastRowId(): number {
    return this.statements.lastRowId.get()?.seq ?? 0;
  }

  /** Leftovers of a previous process, as rows in write order (their documents may be gone). */
  private importLogged(updates: readonly LogUpdate[], modifiedAt: number): void {
    this.database.transaction(() => {
      for (const docId of insertLoggedRows(this.database, updates, modifiedAt)) this.statements.touchLater.run(modifiedAt, docId);
    })();
  }

  /** Copies logged entries into rows that keep their sequence numbers as row ids. */
  private moveLoggedToRows(entries: readonly (LogUpdate & { seq: number })[]): void {
    if (entries.length === 0) return;
    this.database.transaction(() => insertLoggedRows(this.database, entries, Date.now()))();
    this.committed();
  }

  /**
   * A full log file whose entries are still live (rooms edited rarely and never folded) would
   * keep the log growing: its entries move into rows, then the file goes.
   */
  private retireSealedSegments(): void {
    const log = this.updateLog;
    if (!log || Date.now() < this.retryRetireAt) return;
    for (const segment of log.sealedSegments()) {
      try {
        this.moveLoggedToRows(segment.entries);
      } catch {
        // The database refuses writes for now: the file stays, its entries stay live.
        this.retryRetireAt = Date.now() + 1000;
        return;
      }
      log.forgetSegment(segment.id);
    }
  }

  private committed(): void {
    if (!this.checkpointer || ++this.commitsSinceCheckpoint < COMMITS_PER_CHECKPOINT) return;
    this.commitsSinceCheckpoint = 0;
    this.checkpointer.request();
  }
}

/**
 * Inserts logged updates as log rows, in order, skipping documents deleted since; with `seq`, the
 * row keeps it as its id (entries of this process), else the next id. The caller holds the
 * transaction. Returns the documents whose content received a row.
 */
export function insertLoggedRows(db: Database.Database, updates: readonly (LogUpdate & { seq?: number })[], createdAt: number): Set<string> {
  const insert = {
    content: db.prepare<[number | null, string, Uint8Array, number, string]>(
      'INSERT INTO document_updates (row_id, doc_id, data, created_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)',
    ),
    review: db.prepare<[number | null, string, Uint8Array, number, string]>(
      'INSERT INTO review_updates (row_id, doc_id, data, created_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)',
    ),
  };
  const touched = new Set<string>();
  for (const { room, update, seq } of updates) {
    const parsed = parseRoomName(room);
    if (!parsed) continue;
    if (insert[parsed.layer].run(seq ?? null, parsed.docId, update, createdAt, parsed.docId).changes > 0 && parsed.layer === 'content') touched.add(parsed.docId);
  }
  return touched;
}

/**
 * Damage in the update log is loud: one error line per file, with the bytes skipped and what was
 * read after them (`imported`: the server, which then keeps the file aside as `.log.endommage`).
 */
function reportDamage(contents: LogFolderContents, logger: Logger, imported: boolean): void {
  for (const file of contents.files) {
    if (!file.damage) continue;
    logger.error('store.update_log_damaged', {
      file: file.path,
      ranges: file.damage.ranges,
      skippedBytes: file.damage.skippedBytes,
      skippedFrames: file.damage.skippedFrames ?? null,
      recoveredFrames: file.damage.recoveredFrames,
      unplacedUpdates: file.damage.unplacedUpdates,
      ...(imported && { keptAs: damagedCopyOf(file.path) }),
      message: `${describeLogDamage(file.path, file.damage)}${imported ? ` Copie conservée : ${damagedCopyOf(file.path)}.` : ''}`,
    });
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
