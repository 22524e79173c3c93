import { parseRoomName, presenceColor, type PresenceUser } from '@canevas/core';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessEntries, type AwarenessEntry } from './readAwarenessUpdate.js';
import { AwarenessFrames } from './AwarenessFrames.js';
import { BatchFrames } from './BatchFrames.js';
import { checkContentUpdate, type ContentUpdateLimits } from './checkContentUpdate.js';
import { isReadableUpdate } from './isReadableUpdate.js';
import type { FanOut, OriginUpdate, RoomPeer } from './FanOut.js';
import type { RoomLog } from './RoomLog.js';
import type { RoomWrites, WriteTarget } from './WriteQueue.js';
import { SyncConnection } from './SyncConnection.js';
import {
  MalformedMessageError,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
} from './syncMessages.js';

/** Refused: the update would take the document past its size quota (`maxBytes`). */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';

  constructor(
    readonly maxBytes: number,
    /** The connection was refused for size before: it has been told already. */
    readonly repeated = false,
  ) {
    super(`The document would exceed its quota of ${maxBytes} bytes.`);
  }
}

export interface RoomLimits {
  /** What a content update may insert (see checkContentUpdate). */
  shape?: ContentUpdateLimits;
  /** The most bytes the document's encoded state may take; unlimited when undefined. */
  maxBytes?: number;
}

/** A stock client announces one awareness client id per connection; a few spare for odd clients. */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 8;
/** Bindings of departed connections' ids kept per room, so that another account cannot take them. */
const MAX_DEPARTED_AWARENESS_OWNERS = 4096;

/** The origin of the updates the server itself makes (evidence links), in Yjs and in the fan-out. */
export const SERVER_ORIGIN = 'server';

/**
 * The origin of what another instance committed (relayed or reloaded from the store), in Yjs and
 * in the fan-out: it matches no connection of this instance, so every connection receives it, and
 * it is never published again.
 */
export const REMOTE_ORIGIN = 'remote';

/** Raised when a decodable update still failed while being applied: the in-memory doc is suspect. */
export class CorruptDocumentError extends Error {
  override readonly name = 'CorruptDocumentError';

  constructor(
    message: string,
    /** The stored rows themselves cannot be applied (not a client's update): quarantine them. */
    readonly fromStorage = false,
  ) {
    super(message);
  }
}

/**
 * The in-memory side of one open document: its Y.Doc, its awareness, its connections. What it
 * applies goes to the write queue (`writes`), which stores it before anyone receives it.
 */
export class DocumentRoom implements WriteTarget {
  private readonly liveDoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.liveDoc);
  readonly connections = new Set<SyncConnection>();
  /** A review room: only the server writes it, clients only read it and announce no presence. */
  readonly serverOwned: boolean;
  /** Set when the in-memory doc can no longer be trusted; the room is then unloaded. */
  corrupt = false;
  destroyed = false;

  /**
   * Connections one of whose updates was refused for size: what they send next builds on it, so
   * it is refused too (deletions alone still pass) until they reconnect.
   */
  private readonly refusedForSize = new WeakSet<SyncConnection>();
  /** The exact size of the encoded state when last measured, and the estimate at that time. */
  private measuredSize: { exact: number; estimate: number } | undefined;

  private deferredSyncReplies: { connection: SyncConnection; stateVector: Uint8Array }[] = [];
  /**
   * A stored snapshot not yet applied to the Y.Doc (see {@link loadStored}): a client with an
   * empty state vector is answered with these bytes as they are.
   */
  private storedSnapshot: Uint8Array | undefined;
  /** Connections attached before the Y.Doc was built: they get the server's sync step 1 then. */
  private awaitingStep1: SyncConnection[] = [];
  private readonly dirtyAwareness = new Set<number>();
  /**
   * Who owns each awareness client id announced in this room: the account, and the connection
   * while it is open. Kept after the connection leaves (up to a bound), so that its client,
   * reconnecting with the same id, finds it still its own.
   */
  private readonly awarenessOwners = new Map<number, { userId: string | null; connection: SyncConnection | undefined }>();
  private awarenessFlush: NodeJS.Immediate | undefined;
  /** Awareness ids of this instance's connections changed this turn: published to the other instances. */
  private readonly awarenessToPublish = new Set<number>();
  private readonly unsubscribe: () => void;
  private readonly leave: () => void;
  private resolveUnloaded!: () => void;
  /** Resolves once the room is destroyed (a reconnect to a corrupt room waits for it). */
  readonly unloaded = new Promise<void>((resolve) => (this.resolveUnloaded = resolve));

  constructor(
    readonly id: string,
    /** The store's log since the last snapshot: drives folding, and bounds the size quota's estimate. */
    readonly log: RoomLog,
    fanOut: FanOut,
    /** The write queue: it holds what this room applied until the store has it. */
    private readonly writes: RoomWrites,
    private readonly limits: RoomLimits = {},
    /**
     * What another instance asks of the engine: `missed`, reload the store (see {@link catchUp});
     * `deleted`, close and unload the room.
     */
    private readonly remote: { missed(): void; deleted(): void } = { missed: () => undefined, deleted: () => undefined },
  ) {
    this.serverOwned = parseRoomName(id)?.layer === 'review';
    // The server is not a participant: it publishes no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.unsubscribe = fanOut.subscribe(id, this.deliver);
    this.fanOut = fanOut;
    this.leave = fanOut.join(id, this.peer);
  }

  private readonly fanOut: FanOut;

  /**
   * Applies what the store holds (a snapshot and the rows after it) that this doc may lack, because
   * another instance committed it and its relay was missed, and sends the difference to every
   * connection: all of it is durable. Returns whether the doc changed. Runs on the store chain, so
   * no append is in flight: what the write queue does not hold is stored.
   */
  catchUp(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): boolean {
    if (this.destroyed || this.corrupt) return false;
    const doc = this.doc;
    const before = Y.encodeStateVector(doc);
    let changed = false;
    const onTransaction = (transaction: Y.Transaction) => {
      changed ||= transaction.deleteSet.clients.size > 0 || stateAdvanced(transaction);
    };
    doc.on('afterTransaction', onTransaction);
    try {
      if (snapshot) Y.applyUpdate(doc, snapshot, REMOTE_ORIGIN);
      for (const update of updates) Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    } catch (error) {
      this.corrupt = true;
      throw new CorruptDocumentError(`stored rows could not be applied: ${(error as Error).message}`, true);
    } finally {
      doc.off('afterTransaction', onTransaction);
    }
    if (!changed) return false;
    this.deliver([{ origin: REMOTE_ORIGIN, update: this.storedSince(before, snapshot, updates) }]);
    return true;
  }

  /**
   * What the stored state holds beyond `before`. The doc's own encoding would do when everything
   * it applied is stored; otherwise its delete set carries deletions not stored yet, which must
   * not be relayed, so the difference is taken from the stored state alone.
   */
  private storedSince(before: Uint8Array, snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
    if (this.writes.unstoredCount(this) === 0) return Y.encodeStateAsUpdate(this.liveDoc, before);
    const stored = new Y.Doc();
    try {
      if (snapshot) Y.applyUpdate(stored, snapshot);
      for (const update of updates) Y.applyUpdate(stored, update);
      return Y.encodeStateAsUpdate(stored, before);
    } finally {
      stored.destroy();
    }
  }

  /** What other instances send for this room (see FanOut.join). */
  private readonly peer: RoomPeer = {
    updates: (updates) => {
      if (this.destroyed || this.corrupt) return;
      try {
        for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      } catch {
        // Stored by the other instance, so the store can tell: reload rather than diverge.
        this.remote.missed();
        return;
      }
      this.log.appended(updates.map((update) => ({ update })));
      this.deliver(updates.map((update) => ({ origin: REMOTE_ORIGIN, update })));
    },
    awareness: (update) => {
      if (this.destroyed) return;
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
      } catch {
        // Written by another instance from entries it checked: nothing to tell anyone.
      }
    },
    localAwareness: () => {
      if (this.destroyed) return undefined;
      const ids = new Set<number>();
      for (const connection of this.connections) for (const id of connection.awarenessIds) ids.add(id);
      return ids.size === 0 ? undefined : awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...ids]);
    },
    missed: () => {
      if (!this.destroyed) this.remote.missed();
    },
    deleted: () => {
      if (!this.destroyed) this.remote.deleted();
    },
  };

  /** False while the stored snapshot waits to be applied (see {@link loadStored}). */
  get materialized(): boolean {
    return this.storedSnapshot === undefined;
  }

  /** The room's Y.Doc, built from the stored state on first use. */
  get doc(): Y.Doc {
    this.materialize();
    return this.liveDoc;
  }

  /**
   * Takes the document's stored state (snapshot, then the log rows since, in order); throws when
   * it cannot be read. A snapshot alone (the state after every unload or restart) that reads as
   * an update is applied to the Y.Doc only when the doc is first needed (an update, a server
   * change, a client that holds part of the document, an export): a client with an empty state
   * vector is answered with the stored bytes, without building, then re-encoding, the doc. With
   * log rows everything is applied now (merging them into the snapshot would cost as much).
   */
  loadStored(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    if (snapshot && updates.length === 0 && isReadableUpdate(snapshot)) {
      this.storedSnapshot = snapshot;
      return;
    }
    if (snapshot) Y.applyUpdate(this.liveDoc, snapshot);
    for (const update of updates) Y.applyUpdate(this.liveDoc, update);
  }

  attach(connection: SyncConnection): void {
    this.connections.add(connection);
    // Our sync step 1 only lets a client push what the server lacks: it can wait for the doc,
    // which a client holding anything builds at once (its own step 1 is not empty).
    if (this.storedSnapshot) this.awaitingStep1.push(connection);
    else connection.send(encodeSyncStep1(this.liveDoc));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) {
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
    }
  }

  /** Returns true when the room has no connection left. */
  detach(connection: SyncConnection): boolean {
    if (!this.connections.delete(connection)) return this.connections.size === 0;
    this.deferredSyncReplies = this.deferredSyncReplies.filter((reply) => reply.connection !== connection);
    this.awaitingStep1 = this.awaitingStep1.filter((waiting) => waiting !== connection);
    if (connection.awarenessIds.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
    for (const clientId of connection.ownedAwarenessIds) {
      const owner = this.awarenessOwners.get(clientId);
      if (owner?.connection !== connection) continue;
      // Re-inserted last: the departed bindings are evicted oldest first.
      this.awarenessOwners.delete(clientId);
      this.awarenessOwners.set(clientId, { userId: owner.userId, connection: undefined });
    }
    this.evictDepartedAwarenessOwners();
    return this.connections.size === 0;
  }

  /** Sync step 1: answered now if everything in memory is durable, else right after the next commit. */
  receiveSyncStep1(connection: SyncConnection, stateVector: Uint8Array): void {
    let clientsKnown: number;
    try {
      clientsKnown = Y.decodeStateVector(stateVector).size;
    } catch (error) {
      throw new MalformedMessageError(`invalid state vector: ${(error as Error).message}`);
    }
    // Not built yet, so nothing was applied since the load: the snapshot is the whole state.
    if (this.storedSnapshot && clientsKnown === 0) {
      connection.send(encodeSyncStep2Update(this.storedSnapshot));
      return;
    }
    // Builds the doc if needed, which sends the server's step 1 first: clients expect it before
    // the step 2 (the web client takes that handshake as a storage acknowledgement).
    this.materialize();
    if (this.writes.unstoredCount(this) === 0) connection.send(encodeSyncStep2(this.doc, stateVector));
    else this.deferredSyncReplies.push({ connection, stateVector });
  }

  receiveUpdate(connection: SyncConnection, update: Uint8Array): void {
    if (!connection.canWrite) return;
    this.materialize();
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Decoding fully first means a truncated or garbled update never touches the doc.
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      throw new MalformedMessageError(`invalid update: ${(error as Error).message}`);
    }
    if (!this.serverOwned) {
      // Nothing the shared schema cannot read reaches the doc, hence the store or anyone.
      checkContentUpdate(this.doc, decoded.structs, this.limits.shape);
      // Deletions alone never grow the document: they pass even at the quota.
      if (decoded.structs.length > 0) this.checkSize(connection, update.byteLength);
    }
    let changed = false;
    // What Yjs tests before emitting 'update', without encoding the update as an 'update'
    // listener would make it do (a third of the apply's cost for a keystroke). A pending update
    // retried after the apply runs its own transaction, hence ||=.
    const onTransaction = (transaction: Y.Transaction) => {
      changed ||= transaction.deleteSet.clients.size > 0 || stateAdvanced(transaction);
    };
    this.doc.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.corrupt = true;
      throw new CorruptDocumentError(`update could not be applied: ${(error as Error).message}`);
    } finally {
      this.doc.off('afterTransaction', onTransaction);
    }
    // Updates waiting for missing dependencies change no visible state yet but must be kept.
    const waiting = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (!changed && !waiting) return;
    this.writes.add(this, { origin: connection.id, connection, update });
  }

  /**
   * Throws DocumentTooLargeError when `bytes` more would take the document past its quota. The
   * stored bytes (snapshot, log, pending) bound the encoded state from above and cost nothing to
   * keep; only when that bound says no is the state encoded to know exactly, and the estimate
   * then grows from that measure until the next fold.
   */
  private checkSize(connection: SyncConnection, bytes: number): void {
    const maxBytes = this.limits.maxBytes;
    if (maxBytes === undefined) return;
    if (this.refusedForSize.has(connection)) throw new DocumentTooLargeError(maxBytes, true);
    const stored = this.log.snapshotBytes + this.log.bytes + this.writes.unstoredBytes(this);
    // A fold since the measure made the stored bytes exact again (and smaller).
    if (this.measuredSize && stored < this.measuredSize.estimate) this.measuredSize = undefined;
    const estimate = this.measuredSize ? this.measuredSize.exact + stored - this.measuredSize.estimate : stored;
    if (estimate + bytes <= maxBytes) return;
    const exact = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.measuredSize = { exact, estimate: stored };
    if (exact + bytes <= maxBytes) return;
    this.refusedForSize.add(connection);
    throw new DocumentTooLargeError(maxBytes);
  }

  /**
   * Applies a change the server makes (never a client). It is queued like any update, so it is
   * stored before it is relayed; `stored` resolves once it is durable (at once if nothing
   * changed). A change that throws is rethrown; whatever it already wrote is still stored.
   */
  applyServerChange<T>(change: (doc: Y.Doc) => T): { value: T; stored: Promise<void> } {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    this.doc.on('update', collect);
    try {
      outcome = { ok: true, value: this.doc.transact(() => change(this.doc), SERVER_ORIGIN) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      this.doc.off('update', collect);
    }
    const stored =
      updates.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
            this.writes.add(this, { origin: SERVER_ORIGIN, update, stored: { resolve, reject } });
          });
    if (outcome.ok) return { value: outcome.value, stored };
    stored.catch(() => undefined);
    throw outcome.error;
  }

  /**
   * Applies the entries of a connection's awareness update (see readAwarenessUpdate) for the client ids it owns, each state
   * carrying the account's id, name and colour whatever the client wrote; returns how many entries
   * were refused (dropped, the rest still applies). A connection owns the ids it announced first;
   * another connection of the same account may take one over (a client reconnecting before its
   * old socket was found dead), another account can neither update nor remove it, whatever its
   * clock. A state that is not an object, or an id past {@link MAX_AWARENESS_IDS_PER_CONNECTION},
   * is refused too.
   */
  receiveAwareness(connection: SyncConnection, entries: readonly AwarenessEntry[]): number {
    const accepted: AwarenessEntry[] = [];
    let refused = 0;
    for (const entry of entries) {
      const state = entry.state === null ? null : stampPresence(entry.state, connection);
      if (state === undefined || !this.ownAwarenessId(connection, entry.clientId, state !== null)) {
        refused++;
        continue;
      }
      accepted.push({ ...entry, state });
    }
    if (accepted.length === 0) return refused;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), connection);
    } catch (error) {
      throw new MalformedMessageError(`invalid awareness update: ${(error as Error).message}`);
    }
    return refused;
  }

  /** Whether `connection` may announce (`claim`: or first claim) the awareness id `clientId`. */
  private ownAwarenessId(connection: SyncConnection, clientId: number, claim: boolean): boolean {
    const owner = this.awarenessOwners.get(clientId);
    if (owner?.connection === connection) return true;
    if (!owner) {
      if (!claim || connection.ownedAwarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false;
    } else {
      if (owner.userId === null || owner.userId !== connection.userId) return false;
      // The same account on a new socket: the old one (if still attached) must not remove it on leaving.
      owner.connection?.ownedAwarenessIds.delete(clientId);
      owner.connection?.awarenessIds.delete(clientId);
    }
    this.awarenessOwners.set(clientId, { userId: connection.userId, connection });
    connection.ownedAwarenessIds.add(clientId);
    return true;
  }

  private evictDepartedAwarenessOwners(): void {
    let departed = 0;
    for (const owner of this.awarenessOwners.values()) if (!owner.connection) departed++;
    if (departed <= MAX_DEPARTED_AWARENESS_OWNERS) return;
    for (const [clientId, owner] of this.awarenessOwners) {
      if (departed <= MAX_DEPARTED_AWARENESS_OWNERS) break;
      if (owner.connection) continue;
      this.awarenessOwners.delete(clientId);
      departed--;
    }
  }

  receiveQueryAwareness(connection: SyncConnection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return;
    connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  /** Called once the pending updates taken before the commit are durable. */
  answerDeferredSyncReplies(): void {
    if (this.writes.unstoredCount(this) > 0 || this.corrupt) return;
    const replies = this.deferredSyncReplies;
    this.deferredSyncReplies = [];
    for (const { connection, stateVector } of replies) connection.send(encodeSyncStep2(this.doc, stateVector));
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe();
    this.leave();
    if (this.awarenessFlush) clearImmediate(this.awarenessFlush);
    // The last connections' departures still reach the other instances.
    this.publishAwareness();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.liveDoc.destroy();
    this.storedSnapshot = undefined;
    this.awaitingStep1 = [];
    this.writes.forget(this);
    this.deferredSyncReplies = [];
    this.connections.clear();
    this.resolveUnloaded();
  }

  /**
   * Applies the stored snapshot to the Y.Doc if it is not yet, then sends the server's sync step 1
   * to the connections that attached meanwhile. The snapshot read at load, so this fails only on
   * ids that integration cannot resolve: the room is then marked corrupt and a CorruptDocumentError
   * from storage is thrown, for the engine to quarantine the document.
   */
  private materialize(): void {
    const snapshot = this.storedSnapshot;
    if (!snapshot) return;
    this.storedSnapshot = undefined;
    try {
      Y.applyUpdate(this.liveDoc, snapshot);
    } catch (error) {
      // The engine quarantines the document and closes its connections (4423).
      this.corrupt = true;
      throw new CorruptDocumentError(`the stored snapshot could not be applied: ${(error as Error).message}`, true);
    }
    const waiting = this.awaitingStep1;
    this.awaitingStep1 = [];
    if (waiting.length === 0) return;
    const step1 = encodeSyncStep1(this.liveDoc);
    for (const connection of waiting) if (this.connections.has(connection)) connection.send(step1);
  }

  /**
   * Each connection receives the committed updates of the OTHER connections, in commit order,
   * each encoded once for the whole room, written in one system call per connection.
   */
  private readonly deliver = (updates: readonly OriginUpdate[]): void => {
    const frames = new BatchFrames(updates);
    for (const connection of this.connections) {
      const mine = frames.for(connection.id);
      if (mine.length > 0) connection.sendPrepared(mine);
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // The origin is the connection whose message carried the update (null for removals on leave).
    const connection = origin instanceof SyncConnection && this.connections.has(origin) ? origin : undefined;
    for (const id of added) connection?.awarenessIds.add(id);
    for (const id of updated) connection?.awarenessIds.add(id);
    for (const id of removed) connection?.awarenessIds.delete(id);
    for (const id of [...added, ...updated, ...removed]) this.dirtyAwareness.add(id);
    // This instance's changes cross to the others; theirs, and the timeouts every instance runs, do not.
    if (this.fanOut.shared && origin !== REMOTE_ORIGIN && origin !== 'timeout') {
      for (const id of [...added, ...updated, ...removed]) this.awarenessToPublish.add(id);
    }
    // Awareness is N² traffic: relay it once per event-loop turn.
    this.awarenessFlush ??= setImmediate(this.flushAwareness);
  };

  private publishAwareness(): void {
    if (this.awarenessToPublish.size === 0) return;
    // Encoded from the awareness itself, so a removal goes out as a null state with its clock.
    this.fanOut.publishAwareness(this.id, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awarenessToPublish]));
    this.awarenessToPublish.clear();
  }

  private readonly flushAwareness = (): void => {
    this.awarenessFlush = undefined;
    if (this.destroyed) return;
    this.publishAwareness();
    const frames = new AwarenessFrames(this.awareness, [...this.dirtyAwareness]);
    this.dirtyAwareness.clear();
    for (const connection of this.connections) {
      const frame = frames.for(connection.awarenessIds);
      if (frame) connection.send(frame);
    }
  };
}

/**
 * The state with the account's presence written in: presence names the signed-in user, never
 * what the client claims. Undefined for a state that is not an object (stock clients send one).
 */
function stampPresence(state: unknown, connection: SyncConnection): object | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  if (connection.userId === null) return state;
  const user: PresenceUser = { id: connection.userId, name: connection.userName ?? '', color: connection.userColor ?? presenceColor(connection.userId) };
  return { ...state, user };
}

function stateAdvanced(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
