import { MESSAGE_PERSISTED, MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, type StorageStatus } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { silentLogger } from '../logger.js';
import type { PendingUpdate } from '../store/DocumentStore.js';
import type { OriginUpdate } from './FanOut.js';
import { InProcessFanOut } from './InProcessFanOut.js';
import { RoomLog } from './RoomLog.js';
import { SyncConnection } from './SyncConnection.js';
import { WriteQueue, type WriteQueueOptions, type WriteTarget } from './WriteQueue.js';

/**
 * A store double for the queue's policy only (what it retries, when it relays): the real stores'
 * behaviour is covered by the store and integration tests. Fails while `failure` is set; an
 * append can also be held until the test releases it.
 */
class AppendOnlyStore {
  readonly appended: PendingUpdate[][] = [];
  failure: Error | undefined;
  hold: Promise<void> | undefined;
  attempts = 0;

  async appendUpdates(entries: readonly PendingUpdate[]): Promise<void> {
    this.attempts++;
    await this.hold;
    if (this.failure) throw this.failure;
    this.appended.push([...entries]);
  }
}

function diskFull(): Error {
  return Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

class RecordingSocket {
  readonly OPEN = 1;
  readyState = 1;
  readonly frames: Uint8Array[] = [];
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
}

class FakeRoom implements WriteTarget {
  readonly connections = new Set<SyncConnection>();
  readonly log = new RoomLog();
  destroyed = false;
  constructor(
    readonly id: string,
    private readonly vector = new Uint8Array([0]),
  ) {}
  stateVector(): Uint8Array {
    return this.vector;
  }
  connect(ackRequested: boolean): { connection: SyncConnection; socket: RecordingSocket } {
    const socket = new RecordingSocket();
    const connection = new SyncConnection(socket as unknown as WebSocket, this.id, { ackRequested, canWrite: true });
    this.connections.add(connection);
    return { connection, socket };
  }
}

const queues: WriteQueue[] = [];
afterEach(async () => {
  // Stops retry timers left by a test that ends during a fault.
  for (const queue of queues.splice(0)) await queue.drain(0);
});

function setUp(options: Partial<WriteQueueOptions> = {}) {
  const store = new AppendOnlyStore();
  const fanOut = new InProcessFanOut();
  const published: { room: string; updates: readonly OriginUpdate[] }[] = [];
  const subscribe = (room: string) => fanOut.subscribe(room, (updates) => published.push({ room, updates }));
  const queue = new WriteQueue({ store, fanOut, logger: silentLogger, retryDelayMs: 10, maxRetryDelayMs: 40, ...options });
  queues.push(queue);
  return { store, fanOut, published, subscribe, queue };
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** Type-101 frames a socket received, decoded. */
function statuses(socket: RecordingSocket): StorageStatus[] {
  return socket.frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_STORAGE_STATUS) return [];
    return [decodeStorageStatusPayload(decoding.readVarUint8Array(decoder))];
  });
}

/** State vectors of the type-100 acknowledgements a socket received. */
function acks(socket: RecordingSocket): number[][] {
  return socket.frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_PERSISTED) return [];
    return [[...decoding.readVarUint8Array(decoder)]];
  });
}

describe('WriteQueue', () => {
  it('appends a turn’s updates of every room in one store call, then publishes each room’s and acknowledges', async () => {
    const { store, published, subscribe, queue } = setUp();
    const a = new FakeRoom('a', bytes(7, 7));
    const b = new FakeRoom('b');
    subscribe('a');
    subscribe('b');
    const acked = a.connect(true);
    const stock = a.connect(false);
    queue.add(a, { origin: acked.connection.id, connection: acked.connection, update: bytes(1) });
    queue.add(b, { origin: 'c9', update: bytes(2, 2) });
    queue.add(a, { origin: stock.connection.id, connection: stock.connection, update: bytes(3) });
    expect([queue.unstoredCount(a), queue.unstoredBytes(a), queue.unstoredTotal]).toEqual([2, 2, 3]);

    await vi.waitFor(() => expect(store.appended).toHaveLength(1));
    expect(store.appended[0]).toEqual([
      { room: 'a', update: bytes(1) },
      { room: 'a', update: bytes(3) },
      { room: 'b', update: bytes(2, 2) },
    ]);
    expect(published.map(({ room, updates }) => [room, updates.map(({ update }) => [...update])])).toEqual([
      ['a', [[1], [3]]],
      ['b', [[2, 2]]],
    ]);
    expect(published[0]!.updates.map(({ origin }) => origin)).toEqual([acked.connection.id, stock.connection.id]);
    // The state vector taken with the batch; only the connection that asked hears it.
    expect(acks(acked.socket)).toEqual([[7, 7]]);
    expect(acks(stock.socket)).toEqual([]);
    expect([a.log.rows, a.log.bytes, b.log.rows, queue.unstoredTotal]).toEqual([2, 2, 1, 0]);
  });

  it('relays nothing before the store has it (persist before broadcast)', async () => {
    const { store, published, subscribe, queue } = setUp();
    let release!: () => void;
    store.hold = new Promise((resolve) => (release = resolve));
    const room = new FakeRoom('a');
    subscribe('a');
    queue.add(room, { origin: 'c1', update: bytes(1) });
    await vi.waitFor(() => expect(store.attempts).toBe(1));
    expect(published).toEqual([]);
    release();
    await vi.waitFor(() => expect(published).toHaveLength(1));
  });

  it('keeps what failed to be stored, relays none of it, tells ack=1 connections, retries with backoff, and stores it in order with what came meanwhile', async () => {
    const { store, published, subscribe, queue } = setUp();
    const room = new FakeRoom('a');
    subscribe('a');
    const { connection, socket } = room.connect(true);
    const stock = room.connect(false);
    store.failure = diskFull();
    queue.add(room, { origin: connection.id, connection, update: bytes(1) });
    await vi.waitFor(() => expect(statuses(socket).length).toBeGreaterThanOrEqual(4));
    // One report per failed attempt: 10 ms doubling, capped at 40.
    expect(statuses(socket).slice(0, 4)).toEqual([10, 20, 40, 40].map((retryInMs) => ({ state: 'failing', kind: 'full', retryInMs })));
    expect(queue.fault).toMatchObject({ kind: 'full' });
    expect(statuses(stock.socket)).toEqual([]);
    queue.add(room, { origin: connection.id, connection, update: bytes(2) });
    expect(published).toEqual([]);
    expect(queue.unstoredCount(room)).toBe(2);

    store.failure = undefined;
    await vi.waitFor(() => expect(store.appended).toHaveLength(1));
    expect(store.appended[0]!.map(({ update }) => [...update])).toEqual([[1], [2]]);
    expect(published.flatMap(({ updates }) => updates.map(({ update }) => [...update]))).toEqual([[1], [2]]);
    expect(statuses(socket).at(-1)).toEqual({ state: 'writable' });
    expect(queue.fault).toBeUndefined();
  });

  it('tells a connection that attaches during a fault at once, and that one too of the recovery', async () => {
    const { store, queue } = setUp();
    const room = new FakeRoom('a');
    store.failure = diskFull();
    queue.add(room, { origin: 'c1', update: bytes(1) });
    await vi.waitFor(() => expect(queue.fault).toBeDefined());
    const late = room.connect(true);
    queue.attached(room, late.connection);
    expect(statuses(late.socket)[0]).toMatchObject({ state: 'failing', kind: 'full' });
    const stock = room.connect(false);
    queue.attached(room, stock.connection);
    expect(statuses(stock.socket)).toEqual([]);
    store.failure = undefined;
    await vi.waitFor(() => expect(statuses(late.socket).at(-1)).toEqual({ state: 'writable' }));
  });

  it('settles a server change once it is stored, and rejects it when its room is unloaded first', async () => {
    const { store, queue } = setUp();
    const room = new FakeRoom('a');
    const stored = new Promise<void>((resolve, reject) => queue.add(room, { origin: 'server', update: bytes(1), stored: { resolve, reject } }));
    await expect(stored).resolves.toBeUndefined();

    store.failure = diskFull();
    const dropped = new Promise<void>((resolve, reject) => queue.add(room, { origin: 'server', update: bytes(2), stored: { resolve, reject } }));
    await vi.waitFor(() => expect(queue.fault).toBeDefined());
    queue.forget(room);
    await expect(dropped).rejects.toThrow(/unloaded/);
    expect(queue.unstoredTotal).toBe(0);
    store.failure = undefined;
    await queue.flushNow();
    expect(store.appended).toHaveLength(1);
  });

  it('on a stop, tries a few more times and reports what it could not store, with no retry left behind', async () => {
    const { store, queue } = setUp();
    const room = new FakeRoom('a');
    store.failure = diskFull();
    queue.add(room, { origin: 'c1', update: bytes(1) });
    queue.add(room, { origin: 'c1', update: bytes(2) });
    expect(await queue.drain(3)).toBe(2);
    const attempts = store.attempts;
    store.failure = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.attempts).toBe(attempts);
    expect(await queue.drain(1)).toBe(0);
  });

  it('runs store tasks one after another, whatever each one’s latency, and goes on after one fails', async () => {
    const { queue } = setUp();
    const order: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) =>
        setTimeout(() => {
          order.push(name);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms),
      );
    const results = await Promise.allSettled([queue.run(task('slow', 30)), queue.run(task('failing', 1, true)), queue.run(task('fast', 1))]);
    expect(order).toEqual(['slow', 'failing', 'fast']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs the housekeeping after each flush that stored, not after a failed one', async () => {
    let housekeeping = 0;
    const { store, queue } = setUp({ afterFlush: async () => void housekeeping++ });
    const room = new FakeRoom('a');
    await queue.flushNow();
    expect(housekeeping).toBe(1);
    store.failure = diskFull();
    queue.add(room, { origin: 'c1', update: bytes(1) });
    await vi.waitFor(() => expect(store.attempts).toBeGreaterThanOrEqual(2));
    expect(housekeeping).toBe(1);
    store.failure = undefined;
    await vi.waitFor(() => expect(housekeeping).toBe(2));
  });
});
