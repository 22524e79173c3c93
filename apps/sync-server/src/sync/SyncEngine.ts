import * as Y from 'yjs';
import { CloseCode, parseRoomName, roomNameOf } from '@canevas/core';
import type { Logger } from '../logger.js';
import type { DocumentStore, QuarantineRecord } from '../store/DocumentStore.js';
import { DocumentQuarantinedError, QUARANTINE_CLOSE_REASON, Quarantine, docIdOf } from './Quarantine.js';
import { receiveClientMessage, type ClientMessageContext } from './receiveClientMessage.js';
import { CorruptDocumentError, DocumentRoom, type RoomLimits } from './DocumentRoom.js';
import type { FanOut } from './FanOut.js';
import { FoldPolicy } from './FoldPolicy.js';
import { IdleFolds } from './IdleFolds.js';
import { LogFolder } from './LogFolder.js';
import { WriteQueue, type QueuedUpdate } from './WriteQueue.js';
import { storageFaultKind } from '../store/storageFaultKind.js';
import { RoomLog } from './RoomLog.js';
import type { SyncConnection } from './SyncConnection.js';

export interface SyncEngineOptions {
  store: DocumentStore;
  fanOut: FanOut;
  logger: Logger;
  /**
   * Fold a document's log into its snapshot once it holds this many rows (default 500); the rest
   * of the rule is FoldPolicy's.
   */
  foldThreshold?: number;
  /**
   * How long the log of a document nobody has open waits before it is folded (default 30 s): a
   * person who reloads the page or reconnects costs no rewrite of the snapshot.
   */
  idleFoldDelayMs?: number;
  /** The most bytes a document's encoded state may take (unlimited when undefined). */
  maxDocumentBytes?: number;
  /** How deep elements may nest in a document body (default MAX_DOCUMENT_DEPTH). */
  maxDocumentDepth?: number;
  /** Roots a content doc may hold besides the body, unchecked (see checkContentUpdate); none by default. */
  extraContentRoots?: readonly string[];
  /** First retry delay after a failed write, doubled up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Told when clients' edits of a document's content are durable, with the account of each
   * (null when unknown): the version history times its automatic versions from these.
   */
  onContentEdited?: (docId: string, editors: readonly (string | null)[]) => void;
}

export interface SyncEngineStats {
  /** Documents held in memory. */
  documents: number;
  /** Documents being loaded. */
  loading: number;
  connections: number;
  /** Updates applied in memory and not yet durable. */
  pendingUpdates: number;
}

/**
 * The coordinator of the update path: loads rooms (once, whatever the number of first
 * connections), hands each socket's frames to its room (receiveClientMessage), unloads idle
 * rooms, applies server changes and deletions, and stops. The stages are its parts: the rooms
 * (DocumentRoom), the write queue and its store chain (WriteQueue: every store access runs there,
 * one after another), the fold policy (FoldPolicy, run by LogFolder), the quarantine (Quarantine)
 * and the fan-out (FanOut). See docs/adr/0009-sync-stages.md.
 */
export class SyncEngine {
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly loading = new Map<string, Promise<DocumentRoom | undefined>>();
  private readonly idleRooms = new Set<DocumentRoom>();
  private readonly store: DocumentStore;
  private readonly fanOut: FanOut;
  private readonly logger: Logger;
  private readonly foldPolicy: FoldPolicy;
  private readonly folder: LogFolder;
  /** Rooms unloaded with a short log, and when to fold it. */
  private readonly idleFolds: IdleFolds;
  private foldTimer: NodeJS.Timeout | undefined;
  private readonly writes: WriteQueue;
  private readonly roomLimits: RoomLimits;
  private closing = false;
  /** Documents refused without reading the store again until the process restarts. */
  private readonly quarantined: Quarantine;
  private readonly messageContext: ClientMessageContext;
  /** Rooms waiting to reload what other instances committed (see catchUp): one reload each at a time. */
  private readonly catchUps = new Set<DocumentRoom>();
  private catchUpRetry: NodeJS.Timeout | undefined;
  private readonly catchUpsToRetry = new Set<DocumentRoom>();

  constructor(options: SyncEngineOptions) {
    this.store = options.store;
    this.fanOut = options.fanOut;
    this.logger = options.logger;
    this.foldPolicy = new FoldPolicy({
      ...(options.foldThreshold !== undefined && { threshold: options.foldThreshold }),
      ...(options.idleFoldDelayMs !== undefined && { idleDelayMs: options.idleFoldDelayMs }),
    });
    this.folder = new LogFolder(this.store, this.foldPolicy, this.logger);
    this.idleFolds = new IdleFolds(this.foldPolicy.idleDelayMs);
    this.writes = new WriteQueue({
      store: this.store,
      fanOut: this.fanOut,
      logger: this.logger,
      ...(options.retryDelayMs !== undefined && { retryDelayMs: options.retryDelayMs }),
      ...(options.maxRetryDelayMs !== undefined && { maxRetryDelayMs: options.maxRetryDelayMs }),
      afterFlush: () => this.afterFlush(),
      ...(options.onContentEdited && { committed: contentEditsTo(options.onContentEdited) }),
    });
    this.quarantined = new Quarantine(this.store, this.logger);
    this.messageContext = { logger: this.logger, quarantine: (room, error) => this.quarantineOpenRoom(room, error) };
    this.roomLimits = {
      ...(options.maxDocumentBytes === undefined ? {} : { maxBytes: options.maxDocumentBytes }),
      shape: {
        ...(options.maxDocumentDepth === undefined ? {} : { maxDepth: options.maxDocumentDepth }),
        ...(options.extraContentRoots === undefined ? {} : { extraRoots: options.extraContentRoots }),
      },
    };
  }

  stats(): SyncEngineStats {
    let connections = 0;
    for (const room of this.rooms.values()) connections += room.connections.size;
    return { documents: this.rooms.size, loading: this.loading.size, connections, pendingUpdates: this.writes.unstoredTotal };
  }

  /** Why a document is quarantined, as far as this process knows (the store also records it). */
  quarantineOf(docId: string): QuarantineRecord | undefined {
    return this.quarantined.of(docId);
  }

  /**
   * Attaches a connection once the document's stored state is loaded. Messages received before
   * that must be buffered by the caller and passed to {@link handleMessage} afterwards.
   * Resolves to false when the document does not exist; a quarantined document closes the
   * connection with 4423.
   */
  async open(connection: SyncConnection): Promise<boolean> {
    let room: DocumentRoom | undefined;
    try {
      // The store chain runs on while this continuation waits its turn: a flush queued behind
      // the load may unload the room, idle until a connection attaches, before this one does.
      // Attaching to that destroyed room would leave the client waiting for a reply forever.
      do room = await this.acquire(connection.room);
      while (room?.destroyed && !this.closing && connection.isOpen);
    } catch (error) {
      if (!(error instanceof DocumentQuarantinedError)) throw error;
      connection.close(CloseCode.DocumentQuarantined, QUARANTINE_CLOSE_REASON);
      return true;
    }
    if (!room) return false;
    if (this.closing) {
      connection.close(CloseCode.GoingAway, 'Arrêt du serveur');
      this.markIdleIfEmpty(room);
      return true;
    }
    if (!connection.isOpen) {
      this.markIdleIfEmpty(room);
      return true;
    }
    this.idleRooms.delete(room);
    room.attach(connection);
    this.writes.attached(room, connection);
    return true;
  }

  /**
   * Loads a document's content room if it is not in memory, so that unreadable rows are found
   * (and the document quarantined) before anything is added to its other layers; rejects with
   * DocumentQuarantinedError then. A room loaded only for this is unloaded when idle.
   */
  async ensureReadable(docId: string): Promise<void> {
    this.quarantined.refuse(docId);
    const room = await this.acquire(docId);
    if (room) this.markIdleIfEmpty(room);
  }

  /** Stores what is pending now (a submission must include the last keystrokes). */
  async flushPending(): Promise<void> {
    await this.writes.flushNow();
  }

  /** Every attached connection: access checks walk them when roles change. */
  *connections(): IterableIterator<SyncConnection> {
    for (const room of this.rooms.values()) yield* room.connections;
  }

  handleMessage(connection: SyncConnection, data: Uint8Array): void {
    if (this.closing || !connection.isOpen) return;
    const room = this.rooms.get(connection.room);
    if (!room || !room.connections.has(connection)) return;
    receiveClientMessage(room, connection, data, this.messageContext);
  }

  close(connection: SyncConnection): void {
    const room = this.rooms.get(connection.room);
    if (!room) return;
    if (room.detach(connection)) this.markIdleIfEmpty(room);
  }

  /**
   * Deletes a document: closes the connections of its content and review rooms with 4410, then
   * removes every stored row; or, given `remove` (the bin moves it there), runs that instead.
   */
  async deleteDocument(docId: string, remove: (docId: string) => Promise<boolean> = (id) => this.store.deleteDocument(id)): Promise<boolean> {
    return this.writes.run(async () => {
      const deleted = await remove(docId);
      if (deleted) this.quarantined.forget(docId);
      for (const layer of ['content', 'review'] as const) {
        this.idleFolds.cancel(roomNameOf(docId, layer));
        // The other instances that hold it close theirs too.
        if (deleted) this.fanOut.publishDeleted(roomNameOf(docId, layer));
        const room = this.rooms.get(roomNameOf(docId, layer));
        if (!room) continue;
        this.closeDeleted(room);
      }
      return deleted;
    });
  }

  /**
   * Changes a room on the server's behalf (evidence links in review docs), loading it if needed.
   * The change goes through the same queue as client updates, so it is stored before anyone
   * receives it; resolves once durable. `{ found: false }` when the document does not exist; a
   * change that throws stores nothing it did not write and rejects with its error.
   */
  async applyServerChange<T>(roomName: string, change: (doc: Y.Doc) => T): Promise<{ found: false } | { found: true; value: T }> {
    if (this.closing) throw new Error('The server is shutting down.');
    // Runs on the store chain, so the room cannot be unloaded between its load and the change.
    const applied = await this.writes.run(async () => {
      this.quarantined.refuse(roomName);
      const existing = this.rooms.get(roomName);
      if (existing?.corrupt) throw new Error(`The room ${roomName} is being reloaded.`);
      const room = existing ?? (await this.load(roomName));
      if (!room) return undefined;
      try {
        // Wrapped: the chain must not wait for durability, which needs a later turn of the chain.
        return { result: room.applyServerChange(change) };
      } catch (error) {
        if (!(error instanceof CorruptDocumentError && error.fromStorage)) throw error;
        for (const connection of room.connections) connection.close(CloseCode.DocumentQuarantined, QUARANTINE_CLOSE_REASON);
        await this.quarantine(room.id, error);
        throw new DocumentQuarantinedError(docIdOf(roomName));
      }
    });
    if (!applied) return { found: false };
    await applied.result.stored;
    return { found: true, value: applied.result.value };
  }

  /**
   * The state of a room held in memory (exports read the live document, including updates not
   * yet durable); undefined when it is not loaded, and then the store has all of it.
   */
  liveState(roomName: string): Uint8Array | undefined {
    const room = this.rooms.get(roomName);
    if (!room || room.corrupt || room.destroyed) return undefined;
    try {
      return Y.encodeStateAsUpdate(room.doc);
    } catch (error) {
      if (!(error instanceof CorruptDocumentError && error.fromStorage)) throw error;
      // The caller falls back to the store, whose rows it then finds unreadable too.
      this.quarantineOpenRoom(room, error);
      return undefined;
    }
  }

  /** Flushes, folds and unloads everything; resolves to the number of updates left unstored. */
  async shutdown(options: { maxAttempts?: number } = {}): Promise<number> {
    this.closing = true;
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) connection.close(CloseCode.GoingAway, 'Arrêt du serveur');
      for (const connection of [...room.connections]) this.close(connection);
    }
    const unstored = await this.writes.drain(options.maxAttempts ?? 5);
    if (this.foldTimer) clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    if (this.catchUpRetry) clearTimeout(this.catchUpRetry);
    this.catchUpRetry = undefined;
    // Leave every document as one snapshot: the next start loads each in one read.
    for (const roomName of this.idleFolds.rooms()) await this.writes.run(() => this.foldIdle(roomName));
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
    this.idleRooms.clear();
    return unstored;
  }

  private async acquire(docId: string): Promise<DocumentRoom | undefined> {
    this.quarantined.refuse(docId);
    const existing = this.rooms.get(docId);
    if (existing && !existing.corrupt) return existing;
    if (existing) await existing.unloaded;
    let loading = this.loading.get(docId);
    if (!loading) {
      // Two simultaneous first connections share this promise, hence one in-memory doc.
      loading = this.writes.run(() => this.load(docId)).finally(() => this.loading.delete(docId));
      this.loading.set(docId, loading);
    }
    return loading;
  }

  private async load(docId: string): Promise<DocumentRoom | undefined> {
    this.quarantined.refuse(docId);
    const current = this.rooms.get(docId);
    if (current && !current.corrupt) return current;
    const stored = await this.store.loadDocument(docId);
    if (!stored) return undefined;
    this.idleFolds.cancel(docId);
    const log = new RoomLog({
      rows: stored.updates.length,
      bytes: stored.updates.reduce((sum, { update }) => sum + update.byteLength, 0),
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
    });
    const room: DocumentRoom = new DocumentRoom(docId, log, this.fanOut, this.writes, this.roomLimits, {
      missed: () => this.scheduleCatchUp(room),
      deleted: () => void this.writes.run(() => this.deletedElsewhere(room)),
    });
    try {
      // Throws on unreadable rows; a lone snapshot is applied when first needed (see loadStored).
      room.loadStored(stored.snapshot, stored.updates.map(({ update }) => update));
    } catch (error) {
      room.destroy();
      await this.quarantine(docId, error);
      throw new DocumentQuarantinedError(docIdOf(docId));
    }
    // Only the room that failed may lift it: the other layer loading proves nothing.
    if (stored.quarantined) await this.quarantined.release(docId);
    this.rooms.set(docId, room);
    // Until a connection attaches the room is idle, so a client that left during the load
    // does not leave it in memory forever.
    this.idleRooms.add(room);
    this.logger.debug('sync.document_loaded', { docId, logRows: stored.updates.length });
    return room;
  }

  /** A room whose stored snapshot failed once applied: refused like one that fails at load. */
  private quarantineOpenRoom(room: DocumentRoom, error: CorruptDocumentError): void {
    for (const connection of room.connections) connection.close(CloseCode.DocumentQuarantined, QUARANTINE_CLOSE_REASON);
    void this.writes.run(() => this.quarantine(room.id, error));
  }

  /** Refuses the document (see Quarantine) and closes every connection of both its layers. */
  private async quarantine(roomName: string, error: unknown): Promise<void> {
    const record = this.quarantined.enter(roomName, error);
    // The other layer may be open: its pending updates are still stored, then it unloads when idle.
    for (const layer of ['content', 'review'] as const) {
      const room = this.rooms.get(roomNameOf(record.docId, layer));
      if (!room) continue;
      for (const connection of room.connections) connection.close(CloseCode.DocumentQuarantined, QUARANTINE_CLOSE_REASON);
    }
    await this.quarantined.record(record);
  }

  private markIdleIfEmpty(room: DocumentRoom): void {
    if (room.connections.size > 0 || room.destroyed) return;
    this.idleRooms.add(room);
    this.writes.schedule();
  }

  /** After each flush that stored what it took: the replies it held back, folds, unloads. */
  private async afterFlush(): Promise<void> {
    for (const room of this.rooms.values()) room.answerDeferredSyncReplies();
    for (const room of [...this.rooms.values()]) {
      if (room.destroyed || !this.foldPolicy.foldsOpen(room.log, Date.now(), room.log.foldRetryAt)) continue;
      await this.foldOpen(room);
    }
    for (const room of [...this.idleRooms]) await this.unloadIfIdle(room);
  }

  private async unloadIfIdle(room: DocumentRoom): Promise<void> {
    if (room.connections.size > 0 || room.destroyed) {
      this.idleRooms.delete(room);
      return;
    }
    if (this.writes.unstoredCount(room) > 0) return;
    const fold = this.foldPolicy.atUnload(room.log);
    if (fold === 'now') await this.foldOpen(room);
    // A client may have reconnected during the fold: it keeps the same live room.
    if (room.connections.size > 0 || this.writes.unstoredCount(room) > 0) return;
    if (room.log.rows > 0 && !room.corrupt) this.scheduleIdleFold(room.id);
    this.unload(room);
  }

  private closeDeleted(room: DocumentRoom): void {
    for (const connection of room.connections) connection.close(CloseCode.DocumentDeleted, 'Document supprimé');
    this.unload(room);
  }

  /** Another instance deleted the document: once the store confirms it is gone, as if deleted here. */
  private async deletedElsewhere(room: DocumentRoom): Promise<void> {
    if (room.destroyed || this.rooms.get(room.id) !== room) return;
    try {
      if (await this.store.getDocument(docIdOf(room.id))) return;
    } catch {
      // The store cannot tell now; its own faults are reported where it is written.
      return;
    }
    if (room.destroyed || this.rooms.get(room.id) !== room) return;
    this.idleFolds.cancel(room.id);
    this.quarantined.forget(docIdOf(room.id));
    this.closeDeleted(room);
  }

  /**
   * Folds an open room. With other instances appending to it (a shared fan-out), its doc may lack
   * rows they committed whose relay has not arrived: folding it up to the last stored row would
   * delete rows the snapshot lacks. The stored log is read and applied first (a catch-up), and
   * the fold goes only up to the last row read.
   */
  private async foldOpen(room: DocumentRoom): Promise<void> {
    if (!this.fanOut.shared) return this.folder.foldOpen(room, this.writes.unstoredCount(room) > 0);
    const lastRowId = await this.catchUp(room);
    if (lastRowId === undefined) return;
    // Nothing awaited since the read: no update was applied in between.
    await this.folder.foldOpen(room, this.writes.unstoredCount(room) > 0, lastRowId);
  }

  /** Reloads the room from the store on the store chain, once however many times it is asked. */
  private scheduleCatchUp(room: DocumentRoom): void {
    if (this.closing || this.catchUps.has(room)) return;
    this.catchUps.add(room);
    void this.writes.run(async () => {
      this.catchUps.delete(room);
      await this.catchUp(room);
    });
  }

  /**
   * Applies to an open room what the store holds (several instances: what others committed and
   * this one missed), relaying the difference to its connections. Resolves to the last row id
   * read, or undefined when there is nothing to fold or the read failed (it is tried again).
   * Runs on the store chain.
   */
  private async catchUp(room: DocumentRoom): Promise<number | undefined> {
    if (room.destroyed || room.corrupt || this.rooms.get(room.id) !== room) return undefined;
    let stored: Awaited<ReturnType<DocumentStore['loadDocument']>>;
    try {
      stored = await this.store.loadDocument(room.id);
    } catch (error) {
      this.logger.error('sync.catch_up_failed', { docId: room.id, kind: storageFaultKind(error), error });
      this.retryCatchUp(room);
      return undefined;
    }
    // Deleted meanwhile, or marked unreadable by another instance: its own path handles it.
    if (!stored || stored.quarantined || room.destroyed) return undefined;
    try {
      if (room.catchUp(stored.snapshot, stored.updates.map(({ update }) => update))) {
        this.logger.debug('sync.caught_up', { docId: room.id, logRows: stored.updates.length });
      }
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      for (const connection of room.connections) connection.close(CloseCode.DocumentQuarantined, QUARANTINE_CLOSE_REASON);
      await this.quarantine(room.id, error);
      return undefined;
    }
    room.log.measured({
      rows: stored.updates.length,
      bytes: stored.updates.reduce((sum, { update }) => sum + update.byteLength, 0),
      snapshotBytes: stored.snapshot?.byteLength ?? 0,
    });
    return stored.updates.at(-1)?.rowId;
  }

  /** The store failed to read (it reports its own fault): the reload is tried again in a second. */
  private retryCatchUp(room: DocumentRoom): void {
    this.catchUpsToRetry.add(room);
    if (this.catchUpRetry || this.closing) return;
    this.catchUpRetry = setTimeout(() => {
      this.catchUpRetry = undefined;
      const rooms = [...this.catchUpsToRetry];
      this.catchUpsToRetry.clear();
      for (const open of rooms) this.scheduleCatchUp(open);
    }, 1000);
    this.catchUpRetry.unref();
  }

  private scheduleIdleFold(roomName: string): void {
    this.idleFolds.schedule(roomName, Date.now());
    this.armFoldTimer(this.foldPolicy.idleDelayMs);
  }

  /** Folds the idle rooms that are due, one store task each, so that sockets are served between. */
  private async foldDueRooms(): Promise<void> {
    const now = Date.now();
    for (const roomName of this.idleFolds.dueAt(now)) void this.writes.run(() => this.foldIdle(roomName));
    const next = this.idleFolds.nextAfter(now);
    if (next !== undefined) this.armFoldTimer(next);
  }

  private armFoldTimer(delayMs: number): void {
    if (this.foldTimer || this.closing) return;
    this.foldTimer = setTimeout(() => {
      this.foldTimer = undefined;
      void this.writes.run(() => this.foldDueRooms());
    }, Math.max(0, delayMs));
    this.foldTimer.unref();
  }

  private async foldIdle(roomName: string): Promise<void> {
    if (!this.idleFolds.cancel(roomName)) return;
    // Reopened meanwhile: the open room folds its own log.
    if (this.rooms.has(roomName) || this.quarantined.has(roomName)) return;
    await this.folder.foldStored(roomName);
  }

  private unload(room: DocumentRoom): void {
    this.idleRooms.delete(room);
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    room.destroy();
  }
}

/** Passes on the client edits of content rooms (review rooms are the server's, and not versioned). */
function contentEditsTo(listener: (docId: string, editors: readonly (string | null)[]) => void) {
  return (room: string, updates: readonly QueuedUpdate[]): void => {
    if (parseRoomName(room)?.layer !== 'content') return;
    const editors = updates.flatMap(({ connection }) => (connection ? [connection.userId] : []));
    if (editors.length > 0) listener(room, editors);
  };
}
