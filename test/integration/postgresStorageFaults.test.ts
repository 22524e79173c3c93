import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClient, newDataDir, newRawClient, newServer, newTrpcClient, waitFor, type RawClient, type TestClient, type TestServer } from '../helpers/index.js';
import { startThrowawayCluster, type ThrowawayCluster } from '../helpers/postgresCluster.js';
import { STORAGE_STATUS, storageStatuses } from '../helpers/storageFaults.js';

// A server on PostgreSQL whose database refuses writes or goes away: the existing path (type 101,
// nothing relayed, retried with backoff, nothing lost), with real PostgreSQL faults.

let cluster: ThrowawayCluster;
beforeAll(async () => {
  // Its own cluster: halting the run's shared one would fail the other files.
  cluster = await startThrowawayCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const raws: RawClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startServer(dataDir: string, databaseUrl: string): Promise<TestServer> {
  const server = await newServer({ dataDir, databaseUrl });
  servers.push(server);
  return server;
}

const endConnections = (database: string) =>
  admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`);

interface Fault {
  name: string;
  kind: 'readonly' | 'other';
  /** Breaks writes to the server's database; resolves to what lifts the fault. */
  inject(database: string): Promise<() => Promise<void>>;
}

const faults: Fault[] = [
  {
    name: 'read-only database',
    kind: 'readonly',
    async inject(database) {
      await admin(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
      // Open connections keep their settings: the pool opens new, read-only ones.
      await endConnections(database);
      return async () => {
        await admin(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
        await endConnections(database);
      };
    },
  },
  {
    name: 'server stopped (as by a crash)',
    kind: 'other',
    async inject() {
      await cluster.halt();
      return () => cluster.resume();
    },
  },
];

describe.each(faults)('a PostgreSQL database refusing writes: $name', ({ kind, inject }) => {
  it('keeps every edit in memory, relays nothing unstored, tells ack=1 clients why, then stores all of it', async () => {
    const database = `canevas_${kind}`;
    await admin(`CREATE DATABASE ${database}`);
    const databaseUrl = cluster.url.replace(/\/postgres$/, `/${database}`);
    const dataDir = await newDataDir();
    dirs.push(dataDir);
    const server = await startServer(dataDir, databaseUrl);
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: `Panne PostgreSQL (${kind})` });
    const alice = newClient(server.syncUrl, id);
    const bob = newClient(server.syncUrl, id);
    clients.push(alice, bob);
    const watcher = newRawClient(`${server.syncUrl}/${id}?ack=1`);
    const plain = newRawClient(`${server.syncUrl}/${id}`);
    raws.push(watcher, plain);
    await Promise.all([alice.synced, bob.synced, watcher.opened, plain.opened]);
    alice.doc.getText('text').insert(0, 'Avant la panne. ');
    await waitFor(() => bob.text() === 'Avant la panne. ');

    const lift = await inject(database);
    alice.doc.getText('text').insert(alice.text().length, 'Alice pendant la panne. ');
    await waitFor(() => storageStatuses(watcher).some((status) => status.state === 'failing'));
    bob.doc.getText('text').insert(0, 'Bob pendant la panne. ');
    await waitFor(() => server.logs.events('store.append_failed').length >= 3);

    const failing = storageStatuses(watcher).filter((status) => status.state === 'failing');
    expect(failing.every((status) => status.state === 'failing' && status.kind === kind && status.retryInMs > 0)).toBe(true);
    expect(server.logs.events('store.append_failed').every((entry) => entry.kind === kind)).toBe(true);
    // Persist before broadcast: nothing written during the fault has reached the other side.
    expect(bob.text()).toBe('Bob pendant la panne. Avant la panne. ');
    expect(alice.text()).toBe('Avant la panne. Alice pendant la panne. ');
    expect(server.stats().pendingUpdates).toBeGreaterThanOrEqual(2);

    await lift();
    const expected = 'Bob pendant la panne. Avant la panne. Alice pendant la panne. ';
    await waitFor(() => alice.text() === expected && bob.text() === expected, {
      timeoutMs: 30_000,
      message: () => `alice « ${alice.text()} », bob « ${bob.text()} »`,
    });
    await waitFor(() => storageStatuses(watcher).at(-1)?.state === 'writable', { timeoutMs: 30_000 });
    expect(server.stats().pendingUpdates).toBe(0);
    expect(plain.messages.some((message) => message.type === STORAGE_STATUS)).toBe(false);
    const stored = await server.store.loadDocument(id);
    const doc = new Y.Doc();
    if (stored!.snapshot) Y.applyUpdate(doc, stored!.snapshot);
    for (const { update } of stored!.updates) Y.applyUpdate(doc, update);
    expect(doc.getText('text').toString()).toBe(expected);

    // Another server on the same database serves all of it.
    for (const client of clients.splice(0)) client.destroy();
    servers.splice(servers.indexOf(server), 1);
    expect(await server.close()).toEqual({ unstoredUpdates: 0 });
    const restarted = await startServer(dataDir, databaseUrl);
    const carol = newClient(restarted.syncUrl, id);
    clients.push(carol);
    await carol.synced;
    expect(carol.text()).toBe(expected);
  });
});
