import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { DocumentStore, PendingUpdate, StoredDocument } from '../store/DocumentStore.js';
import { openStores } from '../store/openStores.js';
import type { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import type { Stores } from '../store/Stores.js';
import { DocumentRoom } from './DocumentRoom.js';
import { FoldPolicy } from './FoldPolicy.js';
import { InProcessFanOut } from './InProcessFanOut.js';
import { LogFolder } from './LogFolder.js';
import { RoomLog } from './RoomLog.js';
import { SyncConnection } from './SyncConnection.js';
import { RecordingLogger, RecordingWrites } from './testDoubles.js';

// The fold on a real SQLite store (as `user delete` opens it: rows, no update log in front), with
// real rooms. A real fault: the database made read-only (`query_only`), as storageFaults does.



const opened: Stores[] = [];
const dirs: string[] = [];
const rooms: DocumentRoom[] = [];
afterEach(async () => {
  for (const room of rooms.splice(0)) room.destroy();
  for (const stores of opened.splice(0)) await stores.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const policy = new FoldPolicy({ firstRetryMs: 1000, maxRetryMs: 4000 });

/** A document whose content is « Bonjour » in its snapshot, then « , », « le », « monde » in three log rows. */
async function storeWithLog(): Promise<{ store: DocumentStore; readOnly: (on: boolean) => void; logger: RecordingLogger; folder: LogFolder }> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-fold-'));
  dirs.push(dir);
  const stores = await openStores({ role: 'exclusive', dataDir: dir });
  opened.push(stores);
  const store = stores.documents;
  const source = new Y.Doc();
  source.getText('t').insert(0, 'Bonjour');
  await store.createDocument({ id: 'doc-1', title: 'Bilan', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(source) });
  for (const word of [', ', 'le ', 'monde']) {
    const before = Y.encodeStateVector(source);
    source.getText('t').insert(source.getText('t').length, word);
    await store.appendUpdates([{ room: 'doc-1', update: Y.encodeStateAsUpdate(source, before) }]);
  }
  // Test-only reach into the engine, for a real fault.
  const db = (store as SqliteDocumentStore).database;
  const logger = new RecordingLogger();
  return { store, readOnly: (on) => db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`), logger, folder: new LogFolder(store, policy, logger) };
}

function textOf(stored: StoredDocument | undefined): string {
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** The room as the engine opens it: the stored state loaded, its log's size known. */
async function openRoom(store: DocumentStore): Promise<DocumentRoom> {
  const stored = (await store.loadDocument('doc-1'))!;
  const bytes = stored.updates.reduce((sum, { update }) => sum + update.byteLength, 0);
  const room = new DocumentRoom('doc-1', new RoomLog({ rows: stored.updates.length, bytes, snapshotBytes: stored.snapshot?.byteLength ?? 0 }), new InProcessFanOut(), new RecordingWrites(), {
    shape: { extraRoots: ['t'] },
  });
  rooms.push(room);
  room.loadStored(stored.snapshot, stored.updates.map(({ update }) => update));
  return room;
}

/** An edit applied by the room (from a writer's connection) and handed to the write queue, not stored. */
function editInMemory(room: DocumentRoom, text: string): void {
  const socket = { OPEN: 1, readyState: 1, extensions: '', send() {}, close() {} };
  const writer = new SyncConnection(socket as unknown as WebSocket, room.id, { ackRequested: false, canWrite: true });
  room.attach(writer);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(client);
  client.getText('t').insert(client.getText('t').length, text);
  room.receiveUpdate(writer, Y.encodeStateAsUpdate(client, before));
}

/** `store` with another writer appending `late` between the fold's read of the log and its write. */
function appendingAfterLoad(store: DocumentStore, late: PendingUpdate): DocumentStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'loadDocument') {
        return async (room: string) => {
          const stored = await target.loadDocument(room);
          await target.appendUpdates([late]);
          return stored;
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('LogFolder.foldStored', () => {
  it('folds the stored log into one snapshot holding every row, and says how much it dropped', async () => {
    const { store, folder } = await storeWithLog();
    const before = (await store.loadDocument('doc-1'))!;
    const folded = await folder.foldStored('doc-1');
    const after = (await store.loadDocument('doc-1'))!;
    expect(after.updates).toEqual([]);
    expect(textOf(after)).toBe('Bonjour, le monde');
    expect(folded).toEqual({ rows: 3, bytes: before.updates.reduce((sum, { update }) => sum + update.byteLength, 0), snapshotBytes: after.snapshot!.byteLength });
  });

  it('folds nothing for a document without log rows, an unknown one, or a quarantined one', async () => {
    const { store, folder } = await storeWithLog();
    expect(await folder.foldStored('absent')).toBeUndefined();
    await store.quarantine({ docId: 'doc-1', room: 'doc-1', reason: 'illisible', quarantinedAt: 2 });
    expect(await folder.foldStored('doc-1')).toBeUndefined();
    expect((await store.loadDocument('doc-1'))!.updates).toHaveLength(3);
    await store.releaseQuarantine('doc-1');
    await folder.foldStored('doc-1');
    expect(await folder.foldStored('doc-1')).toBeUndefined();
  });

  it('never deletes a row appended after it read the log: the fold stops at the last row it read', async () => {
    const { store, logger } = await storeWithLog();
    const stored = (await store.loadDocument('doc-1'))!;
    const writer = new Y.Doc();
    Y.applyUpdate(writer, stored.snapshot!);
    for (const { update } of stored.updates) Y.applyUpdate(writer, update);
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(writer.getText('t').length, ' !');
    const late = { room: 'doc-1', update: Y.encodeStateAsUpdate(writer, before) };

    const folded = await new LogFolder(appendingAfterLoad(store, late), policy, logger).foldStored('doc-1');
    expect(folded).toMatchObject({ rows: 3 });
    const after = (await store.loadDocument('doc-1'))!;
    expect(after.updates.map(({ update }) => update)).toEqual([late.update]);
    expect(textOf({ ...after, updates: [] })).toBe('Bonjour, le monde');
    expect(textOf(after)).toBe('Bonjour, le monde !');
  });

  it('leaves the snapshot and every row as they were when the store refuses the fold, and names the fault', async () => {
    const { store, readOnly, logger, folder } = await storeWithLog();
    const before = await store.loadDocument('doc-1');
    readOnly(true);
    expect(await folder.foldStored('doc-1')).toBe('failed');
    readOnly(false);
    expect(await store.loadDocument('doc-1')).toEqual(before);
    expect(logger.events).toMatchObject([{ level: 'error', event: 'store.fold_failed', fields: { docId: 'doc-1', kind: 'readonly' } }]);
    // Nothing was lost: the next attempt folds it all.
    expect(await folder.foldStored('doc-1')).toMatchObject({ rows: 3 });
    expect(textOf(await store.loadDocument('doc-1'))).toBe('Bonjour, le monde');
  });
});

describe('LogFolder.foldOpen', () => {
  it('folds an open room whose edits are all stored from its memory, then counts its log empty', async () => {
    const { store, logger, folder } = await storeWithLog();
    const room = await openRoom(store);
    await folder.foldOpen(room, false);
    const after = (await store.loadDocument('doc-1'))!;
    expect(after.updates).toEqual([]);
    expect(after.snapshot).toEqual(Y.encodeStateAsUpdate(room.doc));
    expect([room.log.rows, room.log.bytes, room.log.snapshotBytes]).toEqual([0, 0, after.snapshot!.byteLength]);
    expect(logger.events).toMatchObject([{ event: 'store.folded', fields: { from: 'memory', folded: 3 } }]);
  });

  it('rebuilds the state from the store, never from memory, while the room holds an edit not stored yet', async () => {
    const { store, logger, folder } = await storeWithLog();
    const room = await openRoom(store);
    editInMemory(room, ' (brouillon)');
    expect(room.doc.getText('t').toString()).toBe('Bonjour, le monde (brouillon)');
    await folder.foldOpen(room, true);
    const after = (await store.loadDocument('doc-1'))!;
    expect(after.updates).toEqual([]);
    expect(textOf(after)).toBe('Bonjour, le monde');
    expect([room.log.rows, room.log.bytes, room.log.snapshotBytes]).toEqual([0, 0, after.snapshot!.byteLength]);
    expect(logger.events).toMatchObject([{ event: 'store.folded', fields: { from: 'store' } }]);
  });

  it('rebuilds from the store the state of a room whose memory is corrupt or destroyed', async () => {
    for (const spoil of [(room: DocumentRoom) => (room.corrupt = true), (room: DocumentRoom) => room.destroy()]) {
      const { store, logger, folder } = await storeWithLog();
      const room = await openRoom(store);
      spoil(room);
      await folder.foldOpen(room, false);
      expect(textOf(await store.loadDocument('doc-1'))).toBe('Bonjour, le monde');
      expect(logger.events).toMatchObject([{ event: 'store.folded', fields: { from: 'store' } }]);
    }
  });

  it('leaves the log when a fold fails, and waits longer after each failure, up to the policy’s longest wait', async () => {
    const { store, readOnly, logger, folder } = await storeWithLog();
    const room = await openRoom(store);
    const stored = await store.loadDocument('doc-1');
    const rows = room.log.rows;
    readOnly(true);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const before = Date.now();
      await folder.foldOpen(room, false);
      // The wait counts from the failure, which is between `before` and now.
      expect(room.log.foldRetryAt).toBeGreaterThanOrEqual(before);
      expect(room.log.foldRetryAt).toBeLessThanOrEqual(Date.now() + 4000);
      waits.push(logger.events.at(-1)!.fields.retryInMs as number);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(logger.events.every((entry) => entry.event === 'store.fold_failed' && entry.fields.kind === 'readonly')).toBe(true);
    readOnly(false);
    expect(await store.loadDocument('doc-1')).toEqual(stored);
    expect(room.log.rows).toBe(rows);

    await folder.foldOpen(room, false);
    expect([room.log.rows, room.log.foldRetryAt]).toEqual([0, 0]);
    expect(textOf(await store.loadDocument('doc-1'))).toBe('Bonjour, le monde');
  });

  it('counts a failed fold from the store against the room too, logged once without a wait', async () => {
    const { store, readOnly, logger, folder } = await storeWithLog();
    const room = await openRoom(store);
    editInMemory(room, ' (brouillon)');
    readOnly(true);
    const before = Date.now();
    await folder.foldOpen(room, true);
    readOnly(false);
    expect(room.log.foldRetryAt).toBeGreaterThanOrEqual(before + 1000);
    expect(room.log.rows).toBe(3);
    expect(logger.events).toMatchObject([{ event: 'store.fold_failed', fields: { kind: 'readonly' } }]);
    expect(logger.events[0]!.fields).not.toHaveProperty('retryInMs');
    expect((await store.loadDocument('doc-1'))!.updates).toHaveLength(3);
  });

  it('forgets earlier failures once a fold finds nothing to fold', async () => {
    const { store, readOnly, logger, folder } = await storeWithLog();
    const room = await openRoom(store);
    await folder.foldOpen(room, false);
    readOnly(true);
    await folder.foldOpen(room, false);
    await folder.foldOpen(room, false);
    // From the store: the log is empty (reads still work), so nothing is written and nothing fails.
    await folder.foldOpen(room, true);
    await folder.foldOpen(room, false);
    readOnly(false);
    expect(logger.events.filter((entry) => entry.event === 'store.fold_failed').map((entry) => entry.fields.retryInMs)).toEqual([1000, 2000, 1000]);
  });
});
