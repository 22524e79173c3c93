import { rm } from 'node:fs/promises';
import { reviewRoomOf } from '@canevas/core';
import { CloseCode, type SqliteDocumentStore } from '@canevas/sync-server';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  newClient,
  newDataDir,
  newRawClient,
  newServer,
  newTrpcClient,
  runCanevas,
  serverDatabase,
  spawnServer,
  waitFor,
  type RawClient,
  type ServerProcess,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';
import { GARBAGE, STORAGE_STATUS, fillDisk, openDataFile, storageStatuses } from '../helpers/storageFaults.js';

// Real SQLite faults on the server's own file, real server, stock y-websocket clients.

const QUARANTINE_REASON = 'Document en quarantaine : données stockées illisibles';

const servers: TestServer[] = [];
const processes: ServerProcess[] = [];
const clients: TestClient[] = [];
const raws: RawClient[] = [];
const dirs: string[] = [];
const openStores: SqliteDocumentStore[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
  for (const store of openStores.splice(0)) await store.close();
  for (const server of servers.splice(0)) await server.close();
  for (const { child, exited } of processes.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function startServer(dataDir: string): Promise<TestServer> {
  const server = await newServer({ dataDir });
  servers.push(server);
  return server;
}

async function stopServer(server: TestServer): Promise<{ unstoredUpdates: number }> {
  servers.splice(servers.indexOf(server), 1);
  return server.close();
}

function stock(syncUrl: string, docId: string): TestClient {
  const client = newClient(syncUrl, docId);
  clients.push(client);
  return client;
}

function raw(url: string, token?: string | null): RawClient {
  const client = newRawClient(url, token === undefined ? {} : { token });
  raws.push(client);
  return client;
}

/** A second, independent better-sqlite3 connection on the same file (as another process would). */
function openSecondConnection(dataDir: string, options: { importLog?: boolean } = {}): SqliteDocumentStore['database'] {
  const store = openDataFile(dataDir, options);
  openStores.push(store);
  return store.database;
}

interface Fault {
  kind: 'busy' | 'readonly';
  /** Breaks writes to the database of the running server; returns what lifts the fault. */
  inject(server: TestServer): () => void;
}

const databaseFaults: Fault[] = [
  {
    kind: 'busy',
    inject(server) {
      // Shorter than the server's default busy_timeout (200 ms), to keep the test quick.
      serverDatabase(server).pragma('busy_timeout = 20');
      const other = openSecondConnection(server.dataDir);
      other.exec('BEGIN EXCLUSIVE');
      return () => other.exec('COMMIT');
    },
  },
  {
    kind: 'readonly',
    inject(server) {
      const db = serverDatabase(server);
      db.pragma('query_only = ON');
      // A stopped server has closed its connection: nothing to lift then.
      return () => {
        if (db.open) db.pragma('query_only = OFF');
      };
    },
  },
];

describe('a full disk (database and update log)', () => {
  const kind = 'full';
  const inject = fillDisk;
  it('keeps every edit in memory, relays nothing unstored, tells ack=1 clients why, then stores all of it', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const server = await startServer(dataDir);
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: `Panne de stockage (${kind})` });
    // Opened before the fault (reconnecting during one: storageFaultsReconnect.test.ts).
    const target = await api.documents.syncTarget.query({ id });
    const alice = stock(server.syncUrl, id);
    const bob = stock(server.syncUrl, id);
    const watcher = raw(`${server.syncUrl}/${id}?ack=1`);
    const plain = raw(`${server.syncUrl}/${id}`);
    await Promise.all([alice.synced, bob.synced, watcher.opened, plain.opened]);
    alice.doc.getText('text').insert(0, 'Avant la panne. ');
    await waitFor(() => bob.text() === 'Avant la panne. ');

    const lift = inject(server);
    // Large enough to need new pages, so that a full disk refuses it.
    const long = `Alice pendant la panne : ${'x'.repeat(20_000)}. `;
    alice.doc.getText('text').insert(alice.text().length, long);
    await waitFor(() => storageStatuses(watcher).some((status) => status.state === 'failing'));
    bob.doc.getText('text').insert(0, 'Bob pendant la panne. ');
    await waitFor(() => server.logs.events('store.append_failed').length >= 3);

    const failing = storageStatuses(watcher).filter((status) => status.state === 'failing');
    expect(failing.length).toBeGreaterThanOrEqual(1);
    expect(failing.every((status) => status.state === 'failing' && status.kind === kind && status.retryInMs > 0)).toBe(true);
    expect(server.logs.events('store.append_failed').every((entry) => entry.kind === kind)).toBe(true);
    // Persist before broadcast: nothing written during the fault has reached the other side.
    expect(bob.text()).toBe('Bob pendant la panne. Avant la panne. ');
    expect(alice.text()).toBe(`Avant la panne. ${long}`);
    expect(server.stats()).toMatchObject({ documents: 1 });
    expect(server.stats().pendingUpdates).toBeGreaterThanOrEqual(2);
    const storedDuring = await server.store.loadDocument(id);
    expect(textOf(storedDuring!)).toBe('Avant la panne. ');

    // A connection that attaches during the fault hears of it at once (ticket and review room:
    // the only upgrade that writes nothing to the database).
    const late = raw(`${target.url}/${target.review.room}?ticket=${encodeURIComponent(target.review.params.ticket!)}&ack=1`, null);
    await late.opened;
    await waitFor(() => storageStatuses(late).length > 0);
    expect(storageStatuses(late)[0]).toMatchObject({ state: 'failing', kind });

    lift();
    const expected = `Bob pendant la panne. Avant la panne. ${long}`;
    await waitFor(() => alice.text() === expected && bob.text() === expected, {
      message: () => `alice ${alice.text().length}, bob ${bob.text().length} characters`,
    });
    await waitFor(() => storageStatuses(watcher).at(-1)?.state === 'writable');
    await waitFor(() => storageStatuses(late).at(-1)?.state === 'writable');
    expect(server.logs.events('store.append_recovered')).toHaveLength(1);
    expect(server.stats().pendingUpdates).toBe(0);
    // Stock clients (no ack=1) never receive the extension.
    expect(plain.messages.some((message) => message.type === STORAGE_STATUS)).toBe(false);

    for (const client of clients.splice(0)) client.destroy();
    expect(await stopServer(server)).toEqual({ unstoredUpdates: 0 });
    const restarted = await startServer(dataDir);
    const carol = stock(restarted.syncUrl, id);
    await carol.synced;
    expect(carol.text()).toBe(expected);
  });
});

describe.each(databaseFaults)('a database refusing writes ($kind)', ({ kind, inject }) => {
  it('does not stop editing: edits are logged, relayed and acknowledged; folding waits; a stop during the fault loses nothing', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    // A low threshold, so that folds are attempted (and refused) during the fault.
    const server = await newServer({ dataDir, foldThreshold: 5 });
    servers.push(server);
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: `Base indisponible (${kind})` });
    const alice = stock(server.syncUrl, id);
    const bob = stock(server.syncUrl, id);
    const watcher = raw(`${server.syncUrl}/${id}?ack=1`);
    await Promise.all([alice.synced, bob.synced, watcher.opened]);
    alice.doc.getText('text').insert(0, 'Avant. ');
    await waitFor(() => bob.text() === 'Avant. ');

    const lift = inject(server);
    try {
      for (let i = 0; i < 20; i++) {
        alice.doc.getText('text').insert(alice.text().length, `${i} `);
        // One edit per turn: each is its own logged batch.
        await waitFor(() => bob.text() === alice.text());
      }
      expect(bob.text()).toBe(`Avant. ${Array.from({ length: 20 }, (_, i) => `${i} `).join('')}`);
      await waitFor(() => server.logs.events('store.fold_failed').length >= 1);
      expect(server.logs.events('store.fold_failed').every((entry) => entry.kind === kind)).toBe(true);
      // Nothing is reported as failing: the edits are durable in the log.
      expect(storageStatuses(watcher).filter((status) => status.state === 'failing')).toEqual([]);
      expect(server.logs.events('store.append_failed')).toEqual([]);
      expect(server.stats().pendingUpdates).toBe(0);

      // Stopped while the database still refuses: the log stays on disk for the next start.
      for (const client of clients.splice(0)) client.destroy();
      expect(await stopServer(server)).toEqual({ unstoredUpdates: 0 });
    } finally {
      lift();
    }
    for (const store of openStores.splice(0)) await store.close();
    const restarted = await startServer(dataDir);
    const carol = stock(restarted.syncUrl, id);
    await carol.synced;
    expect(carol.text()).toBe(`Avant. ${Array.from({ length: 20 }, (_, i) => `${i} `).join('')}`);
  });
});

function textOf(stored: { snapshot: Uint8Array | null; updates: { update: Uint8Array }[] }): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText('text').toString();
}

/** Every stored byte of a document, row by row, read with a connection of our own. */
function rowsOf(dataDir: string, docId: string): { table: string; rowId: number | string; data: string }[] {
  const db = openSecondConnection(dataDir);
  const rows: { table: string; rowId: number | string; data: string }[] = [];
  for (const table of ['document_snapshots', 'review_snapshots']) {
    for (const row of db.prepare<[string], { data: Buffer }>(`SELECT data FROM ${table} WHERE doc_id = ?`).all(docId)) {
      rows.push({ table, rowId: docId, data: row.data.toString('hex') });
    }
  }
  for (const table of ['document_updates', 'review_updates']) {
    for (const row of db.prepare<[string], { row_id: number; data: Buffer }>(`SELECT row_id, data FROM ${table} WHERE doc_id = ? ORDER BY row_id`).all(docId)) {
      rows.push({ table, rowId: row.row_id, data: row.data.toString('hex') });
    }
  }
  return rows;
}

describe('a stored row that cannot be read', () => {
  it('quarantines its document: 4423 on every attempt, rows never rewritten (even by SIGTERM), other documents sync', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    processes.push(first);
    const api = newTrpcClient(first.url);
    const { id: broken } = await api.documents.create.mutate({ title: 'Bilan illisible' });
    const { id: healthy } = await api.documents.create.mutate({ title: 'Bilan intact' });
    const writer = stock(first.syncUrl, broken);
    const reader = stock(first.syncUrl, broken);
    await Promise.all([writer.synced, reader.synced]);
    for (const word of ['Projet ', 'professionnel ', 'de ', 'Camille']) writer.doc.getText('text').insert(writer.text().length, word);
    await waitFor(() => reader.text() === 'Projet professionnel de Camille');
    // Killed, not stopped: the log rows stay as they are, unfolded.
    first.child.kill('SIGKILL');
    await first.exited;
    for (const client of clients.splice(0)) client.destroy();

    // Imported as the next start would: the killed server's edits were in its update log.
    const db = openSecondConnection(dataDir, { importLog: true });
    const last = db.prepare<[string], { row_id: number }>('SELECT MAX(row_id) AS row_id FROM document_updates WHERE doc_id = ?').get(broken)!;
    expect(last.row_id).toBeGreaterThan(0);
    db.prepare<[Buffer, number]>('UPDATE document_updates SET data = ? WHERE row_id = ?').run(GARBAGE, last.row_id);
    const corrupted = rowsOf(dataDir, broken);
    expect(corrupted.some((row) => row.data === GARBAGE.toString('hex'))).toBe(true);
    for (const store of openStores.splice(0)) await store.close();

    const second = await spawnServer(dataDir);
    processes.push(second);
    const api2 = newTrpcClient(second.url);
    const stockClient = stock(second.syncUrl, broken);
    expect(await stockClient.closed).toMatchObject({ code: CloseCode.DocumentQuarantined, reason: QUARANTINE_REASON });
    for (let attempt = 0; attempt < 3; attempt++) {
      const again = raw(`${second.syncUrl}/${broken}?ack=1`);
      expect(await again.closed).toEqual({ code: 4423, reason: QUARANTINE_REASON });
      expect(again.messages).toEqual([]);
    }
    // Its review doc is refused too: nothing may be written next to unreadable content.
    const review = raw(`${second.syncUrl}/${reviewRoomOf(broken)}`);
    expect((await review.closed).code).toBe(4423);

    // Other documents keep working.
    const alice = stock(second.syncUrl, healthy);
    const bob = stock(second.syncUrl, healthy);
    await Promise.all([alice.synced, bob.synced]);
    alice.doc.getText('text').insert(0, 'Toujours disponible');
    await waitFor(() => bob.text() === 'Toujours disponible');

    expect((await api2.documents.get.query({ id: broken })).quarantined).toBe(true);
    expect((await api2.documents.get.query({ id: healthy })).quarantined).toBe(false);
    const listed = await api2.documents.list.query();
    expect(Object.fromEntries(listed.map((document) => [document.id, document.quarantined]))).toEqual({ [broken]: true, [healthy]: false });

    // Stopped cleanly (flush, fold, close): the broken rows are still byte for byte the same.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(rowsOf(dataDir, broken)).toEqual(corrupted);
    for (const store of openStores.splice(0)) await store.close();
    const lines = second.stderr.filter((line) => line.includes(broken)).map((line) => JSON.parse(line) as { level: string; event: string });
    const errors = lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ event: 'store.document_quarantined', docId: broken });

    // The administrator sees it from the command line too.
    const table = await runCanevas(['doc', 'list', '--data', dataDir]);
    expect(table.code).toBe(0);
    const brokenLine = table.stdout.split('\n').find((line) => line.startsWith(broken));
    expect(brokenLine).toContain('[EN QUARANTAINE] Bilan illisible');
    expect(table.stdout.split('\n').find((line) => line.startsWith(healthy))).not.toContain('QUARANTAINE');
    const json = JSON.parse((await runCanevas(['doc', 'list', '--data', dataDir, '--json'])).stdout) as { id: string; quarantined: boolean }[];
    expect(Object.fromEntries(json.map((document) => [document.id, document.quarantined]))).toEqual({ [broken]: true, [healthy]: false });
  });

  it('an unreadable review doc quarantines the whole document, and only that room can lift it', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    const { id } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Revue abîmée' });
    await stopServer(first);
    const db = openSecondConnection(dataDir);
    db.prepare<[string, Buffer, number]>('INSERT INTO review_snapshots (doc_id, data, updated_at) VALUES (?, ?, ?)').run(id, GARBAGE, Date.now());
    const corrupted = rowsOf(dataDir, id);
    for (const store of openStores.splice(0)) await store.close();

    const second = await startServer(dataDir);
    // The content itself is readable: it opens, until its review doc turns out not to be.
    const writer = stock(second.syncUrl, id);
    await writer.synced;
    const review = raw(`${second.syncUrl}/${reviewRoomOf(id)}`);
    expect(await review.closed).toEqual({ code: 4423, reason: QUARANTINE_REASON });
    expect(await writer.closed).toEqual({ code: 4423, reason: QUARANTINE_REASON });
    expect(await second.store.listQuarantined()).toMatchObject([{ docId: id, room: reviewRoomOf(id) }]);
    await stopServer(second);
    expect(rowsOf(dataDir, id)).toEqual(corrupted);
    for (const store of openStores.splice(0)) await store.close();

    // A later process loads the content fine: that does not lift a quarantine caused by the review doc.
    const third = await startServer(dataDir);
    const reader = stock(third.syncUrl, id);
    await reader.synced;
    expect(third.logs.events('store.quarantine_released')).toHaveLength(0);
    expect((await newTrpcClient(third.url).documents.get.query({ id })).quarantined).toBe(true);
  });

  it('refuses server changes, loads the rows once per process, and lifts the quarantine once they are restored', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    const { id } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Instantané abîmé' });
    const writer = stock(first.syncUrl, id);
    await writer.synced;
    writer.doc.getText('text').insert(0, 'Texte à préserver');
    await waitFor(async () => ((await first.store.loadDocument(id))?.updates.length ?? 0) > 0);
    for (const client of clients.splice(0)) client.destroy();
    // A clean stop folds the log into the snapshot: the snapshot is what we damage.
    await stopServer(first);
    const db = openSecondConnection(dataDir);
    const original = db.prepare<[string], { data: Buffer }>('SELECT data FROM document_snapshots WHERE doc_id = ?').get(id)!.data;
    db.prepare<[Buffer, string]>('UPDATE document_snapshots SET data = ? WHERE doc_id = ?').run(GARBAGE, id);
    const corrupted = rowsOf(dataDir, id);
    for (const store of openStores.splice(0)) await store.close();

    const second = await startServer(dataDir);
    // Simultaneous first connections share one load, and all of them are refused.
    const many = Array.from({ length: 3 }, () => raw(`${second.syncUrl}/${id}`));
    for (const client of many) expect((await client.closed).code).toBe(CloseCode.DocumentQuarantined);
    expect((await raw(`${second.syncUrl}/${id}`).closed).code).toBe(CloseCode.DocumentQuarantined);
    expect(second.logs.events('sync.document_loaded')).toHaveLength(0);
    expect(second.logs.events('store.document_quarantined')).toHaveLength(1);
    expect(second.logs.entries.filter((entry) => entry.level === 'error')).toHaveLength(1);

    await expect(second.engine.applyServerChange(reviewRoomOf(id), (doc) => doc.getMap('links').set('l1', 'C1'))).rejects.toThrow(/quarantined/);
    await expect(second.engine.applyServerChange(id, (doc) => doc.getText('text').insert(0, 'serveur'))).rejects.toThrow(/quarantined/);
    expect(await second.store.listQuarantined()).toEqual([
      { docId: id, room: id, reason: expect.stringMatching(/Integer out of Range/), quarantinedAt: expect.any(Number) },
    ]);
    expect(await stopServer(second)).toEqual({ unstoredUpdates: 0 });
    expect(rowsOf(dataDir, id)).toEqual(corrupted);

    // The administrator restores the row: the next server opens the document and lifts the quarantine.
    openSecondConnection(dataDir).prepare<[Buffer, string]>('UPDATE document_snapshots SET data = ? WHERE doc_id = ?').run(original, id);
    for (const store of openStores.splice(0)) await store.close();
    const third = await startServer(dataDir);
    const reader = stock(third.syncUrl, id);
    await reader.synced;
    expect(reader.text()).toBe('Texte à préserver');
    expect(await third.store.listQuarantined()).toEqual([]);
    expect((await newTrpcClient(third.url).documents.get.query({ id })).quarantined).toBe(false);
  });

  it('a snapshot that decodes but cannot be integrated is quarantined on first use, rows untouched', async () => {
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    const { id } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Instantané incohérent' });
    const { id: healthy } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Voisin' });
    const { id: changedByServer } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Changé par le serveur' });
    await stopServer(first);
    // One item of client 5 whose origin is a later clock of its own client: Yjs decodes it (so the
    // load's byte walk accepts it) but cannot integrate it.
    const encoder = encoding.createEncoder();
    for (const value of [1, 1, 5, 0]) encoding.writeVarUint(encoder, value);
    encoding.writeUint8(encoder, 0b10000000 | 4);
    for (const value of [5, 10]) encoding.writeVarUint(encoder, value);
    encoding.writeVarString(encoder, 'a');
    encoding.writeVarUint(encoder, 0);
    const unresolvable = Buffer.from(encoding.toUint8Array(encoder));
    const db = openSecondConnection(dataDir);
    for (const docId of [id, changedByServer]) db.prepare<[Buffer, string]>('UPDATE document_snapshots SET data = ? WHERE doc_id = ?').run(unresolvable, docId);
    const corrupted = rowsOf(dataDir, id);
    for (const store of openStores.splice(0)) await store.close();

    const second = await startServer(dataDir);
    // A client that holds content makes the server build the document: refused as quarantined.
    const holder = new Y.Doc();
    holder.getText('text').insert(0, 'Copie locale');
    const client = raw(`${second.syncUrl}/${id}`);
    await client.opened;
    client.sendSyncStep1(holder);
    expect((await client.closed).code).toBe(CloseCode.DocumentQuarantined);
    await waitFor(async () => (await second.store.listQuarantined()).length === 1);
    expect((await raw(`${second.syncUrl}/${id}`).closed).code).toBe(CloseCode.DocumentQuarantined);
    expect((await newTrpcClient(second.url).documents.get.query({ id })).quarantined).toBe(true);
    // A server change (evidence, comments) is the first to build the other one: refused the same way.
    await expect(second.engine.applyServerChange(changedByServer, (doc) => doc.getText('text').insert(0, 'serveur'))).rejects.toThrow(/quarantined/);
    expect((await newTrpcClient(second.url).documents.get.query({ id: changedByServer })).quarantined).toBe(true);
    const neighbour = stock(second.syncUrl, healthy);
    await neighbour.synced;
    expect(await stopServer(second)).toEqual({ unstoredUpdates: 0 });
    expect(rowsOf(dataDir, id)).toEqual(corrupted);
  });
});
