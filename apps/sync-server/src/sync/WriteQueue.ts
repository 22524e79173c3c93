import { encodePersisted, encodeStorageStatus, type StorageFaultKind } from '@canevas/core';
import type { Logger } from '../logger.js';
import type { DocumentStore, PendingUpdate } from '../store/DocumentStore.js';
import { storageFaultKind } from '../store/storageFaultKind.js';
import type { FanOut } from './FanOut.js';
import type { RoomLog } from './RoomLog.js';
import type { SyncConnection } from './SyncConnection.js';

/** An update applied to a room's doc and not yet stored: never relayed before the store commits it. */
export interface QueuedUpdate {
  /** The connection id it came from (never echoed back to it), or `server`. */
  origin: string;
  /** Set for client updates: the connection to acknowledge once stored. */
  connection?: SyncConnection;
  update: Uint8Array;
  /** Set for server changes: settled once the update is durable (or definitely not). */
  stored?: { resolve: () => void; reject: (error: Error) => void };
}

/** What the queue needs of a room: where to count what it stored, and whom to tell. */
export interface WriteTarget {
  readonly id: string;
  readonly connections: ReadonlySet<SyncConnection>;
  readonly destroyed: boolean;
  readonly log: RoomLog;
  /** The room's state vector now: exactly what is durable once the updates taken now commit. */
  stateVector(): Uint8Array;
}

/** A room's side of the queue: it adds what it applied and asks what is still unstored. */
export interface RoomWrites {
  add(room: WriteTarget, update: QueuedUpdate): void;
  unstoredCount(room: WriteTarget): number;
  unstoredBytes(room: WriteTarget): number;
  /** The room is unloaded: its unstored updates are dropped (their server changes rejected). */
  forget(room: WriteTarget): void;
}

export interface StorageFault {
  kind: StorageFaultKind;
  retryInMs: number;
}

export interface WriteQueueOptions {
  store: Pick<DocumentStore, 'appendUpdates'>;
  fanOut: FanOut;
  logger: Logger;
  /** First retry delay after a failed write (default 100 ms), doubled up to `maxRetryDelayMs` (default 10 s). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Runs on the chain after every flush that did not fail: the coordinator's housekeeping (folds, unloads). */
  afterFlush?: () => Promise<void>;
  /** Told of each room's updates once they are durable and relayed (version history counts edits there). */
  committed?: (room: string, updates: readonly QueuedUpdate[]) => void;
}

interface Queued {
  updates: QueuedUpdate[];
  bytes: number;
}

interface TakenBatch {
  room: WriteTarget;
  updates: QueuedUpdate[];
  /** Only computed when one of the batch's connections asked for acknowledgements (`ack=1`). */
  stateVector: Uint8Array | undefined;
}

/**
 * The write stage of the update path. Rooms hand it what they applied; once per event-loop turn
 * it appends every queued update of every room in one store call, then (and only then) publishes
 * them to the fan-out and acknowledges them to their `ack=1` connections. A failed append keeps
 * the updates queued, relays nothing, retries with backoff and tells the rooms' `ack=1`
 * connections (type 101) until a write succeeds.
 *
 * It also owns the store chain: every store access (loads, appends, folds, deletions) runs on it
 * one after another, so none interleaves with another, whatever the store's latency.
 */
export class WriteQueue implements RoomWrites {
  private readonly queued = new Map<WriteTarget, Queued>();
  private readonly store: Pick<DocumentStore, 'appendUpdates'>;
  private readonly fanOut: FanOut;
  private readonly logger: Logger;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly afterFlush: () => Promise<void>;
  private readonly onCommitted: ((room: string, updates: readonly QueuedUpdate[]) => void) | undefined;
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled: NodeJS.Immediate | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private consecutiveFailures = 0;
  private closing = false;
  /** Set from a failed append until the next successful one. */
  private currentFault: StorageFault | undefined;
  /** Rooms whose `ack=1` connections were told that writes fail: they hear of the recovery. */
  private readonly roomsToldFailing = new Set<WriteTarget>();

  constructor(options: WriteQueueOptions) {
    this.store = options.store;
    this.fanOut = options.fanOut;
    this.logger = options.logger;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
    this.afterFlush = options.afterFlush ?? (() => Promise.resolve());
    this.onCommitted = options.committed;
  }

  /** The storage fault in progress, if writes fail now. */
  get fault(): StorageFault | undefined {
    return this.currentFault;
  }

  /** Updates applied in memory and not yet durable, in every room. */
  get unstoredTotal(): number {
    let total = 0;
    for (const { updates } of this.queued.values()) total += updates.length;
    return total;
  }

  add(room: WriteTarget, update: QueuedUpdate): void {
    let entry = this.queued.get(room);
    if (!entry) {
      entry = { updates: [], bytes: 0 };
      this.queued.set(room, entry);
    }
    entry.updates.push(update);
    entry.bytes += update.update.byteLength;
    this.schedule();
  }

  unstoredCount(room: WriteTarget): number {
    return this.queued.get(room)?.updates.length ?? 0;
  }

  unstoredBytes(room: WriteTarget): number {
    return this.queued.get(room)?.bytes ?? 0;
  }

  forget(room: WriteTarget): void {
    this.roomsToldFailing.delete(room);
    const entry = this.queued.get(room);
    if (!entry) return;
    this.queued.delete(room);
    rejectServerChanges(entry.updates);
  }

  /** A connection attaching while writes fail hears it at once (if it asked for `ack=1`). */
  attached(room: WriteTarget, connection: SyncConnection): void {
    if (!this.currentFault || !connection.ackRequested) return;
    connection.send(encodeStorageStatus({ state: 'failing', ...this.currentFault }));
    this.roomsToldFailing.add(room);
  }

  /** Runs `task` on the store chain, after every store access queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Flushes in the next turn (and runs the housekeeping after it), unless a flush or a retry is due already. */
  schedule(): void {
    // While a retry is pending, new updates simply join the queue it will write.
    if (this.flushScheduled || this.retryTimer) return;
    this.flushScheduled = setImmediate(() => {
      this.flushScheduled = undefined;
      void this.run(() => this.flush());
    });
  }

  /** Stores what is queued now (a submission must include the last keystrokes). */
  flushNow(): Promise<void> {
    return this.run(() => this.flush());
  }

  /**
   * For a stop: no more retry timers; tries to store what is queued up to `maxAttempts` times,
   * waiting between attempts; resolves to the number of updates left unstored.
   */
  async drain(maxAttempts: number): Promise<number> {
    this.closing = true;
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      this.clearRetry();
      await this.flushNow();
      if (this.unstoredTotal === 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.retryDelayMs * 2 ** attempt, 2000)));
    }
    this.clearRetry();
    return this.unstoredTotal;
  }

  /** One store call for every queued update of every room, then relay, then housekeeping. */
  private async flush(): Promise<void> {
    const batches: TakenBatch[] = [];
    for (const [room, entry] of this.queued) {
      if (room.destroyed) {
        // Unloaded rooms are forgotten as they go; this only guards against one left behind.
        rejectServerChanges(entry.updates);
        continue;
      }
      const acknowledged = entry.updates.some(({ connection }) => connection?.ackRequested);
      batches.push({ room, updates: entry.updates, stateVector: acknowledged ? room.stateVector() : undefined });
    }
    this.queued.clear();
    if (batches.length > 0) {
      const entries: PendingUpdate[] = batches.flatMap(({ room, updates }) => updates.map(({ update }) => ({ room: room.id, update })));
      try {
        await this.store.appendUpdates(entries);
      } catch (error) {
        this.requeue(batches);
        this.consecutiveFailures++;
        const delay = Math.min(this.retryDelayMs * 2 ** (this.consecutiveFailures - 1), this.maxRetryDelayMs);
        const kind = storageFaultKind(error);
        this.logger.error('store.append_failed', { updates: entries.length, kind, retryInMs: delay, error });
        if (!this.closing) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.schedule();
          }, delay);
          this.reportFault(
            batches.map((batch) => batch.room),
            { kind, retryInMs: delay },
          );
        }
        return;
      }
      if (this.consecutiveFailures > 0) this.logger.info('store.append_recovered', { afterFailures: this.consecutiveFailures });
      this.consecutiveFailures = 0;
      for (const batch of batches) this.committed(batch);
      this.reportRecovered();
    } else if (this.currentFault) {
      // What failed to be written is gone (deleted documents): nothing waits any more.
      this.consecutiveFailures = 0;
      this.reportRecovered();
    }
    await this.afterFlush();
  }

  /** Nothing was stored: the updates go back in front of any queued since, in order. */
  private requeue(batches: readonly TakenBatch[]): void {
    for (const { room, updates } of batches) {
      // Unloaded during the attempt (a deleted document): nobody will write them.
      if (room.destroyed) {
        rejectServerChanges(updates);
        continue;
      }
      const later = this.queued.get(room);
      const entry: Queued = { updates: later ? updates.concat(later.updates) : updates, bytes: later?.bytes ?? 0 };
      for (const { update } of updates) entry.bytes += update.byteLength;
      this.queued.set(room, entry);
    }
  }

  private committed({ room, updates, stateVector }: TakenBatch): void {
    room.log.appended(updates);
    for (const { stored } of updates) stored?.resolve();
    if (room.destroyed) return;
    // Persist before broadcast: this is the only place committed updates are relayed from.
    this.fanOut.publish(
      room.id,
      updates.map(({ origin, update }) => ({ origin, update })),
    );
    this.onCommitted?.(room.id, updates);
    const acknowledged = new Set<SyncConnection>();
    for (const { connection } of updates) if (connection?.ackRequested) acknowledged.add(connection);
    if (acknowledged.size === 0 || !stateVector) return;
    const message = encodePersisted(stateVector);
    for (const connection of acknowledged) connection.send(message);
  }

  /** Tells the `ack=1` connections of `rooms` that their updates wait in memory. */
  private reportFault(rooms: Iterable<WriteTarget>, fault: StorageFault): void {
    this.currentFault = fault;
    const message = encodeStorageStatus({ state: 'failing', ...fault });
    for (const room of rooms) {
      if (room.destroyed) continue;
      this.roomsToldFailing.add(room);
      for (const connection of room.connections) if (connection.ackRequested) connection.send(message);
    }
  }

  private reportRecovered(): void {
    if (!this.currentFault) return;
    this.currentFault = undefined;
    const message = encodeStorageStatus({ state: 'writable' });
    for (const room of this.roomsToldFailing) {
      if (room.destroyed) continue;
      for (const connection of room.connections) if (connection.ackRequested) connection.send(message);
    }
    this.roomsToldFailing.clear();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}

function rejectServerChanges(updates: readonly QueuedUpdate[]): void {
  for (const { stored } of updates) stored?.reject(new Error('The room was unloaded before the change was stored.'));
}
