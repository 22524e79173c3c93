import { openPostgresStores, openStores, silentLogger, storageFaultKind, type Stores } from '@canevas/sync-server';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startThrowawayCluster, type ThrowawayCluster } from '../helpers/postgresCluster.js';
import { newPostgresDatabase, type TestDatabase } from '../helpers/postgresDatabase.js';
import { waitFor } from '../helpers/waitFor.js';

// What only a shared PostgreSQL store must guarantee: several processes on one database, a
// server that goes away and comes back. (Every other behaviour is in the store contract suites.)

const opened: Stores[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
  for (const database of databases.splice(0)) await database.drop();
});

async function database(): Promise<TestDatabase> {
  const created = await newPostgresDatabase();
  databases.push(created);
  return created;
}

/** One « process »: its own pool on the database. */
async function open(url: string): Promise<Stores> {
  const stores = await openPostgresStores({ databaseUrl: url, role: 'server', logger: silentLogger });
  opened.push(stores);
  return stores;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

function newDocument(id: string) {
  return { id, title: id, workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: emptyState() };
}

/** The document as a loader rebuilds it: snapshot, then every row in order. */
async function stateOf(stores: Stores, room: string): Promise<{ doc: Y.Doc; upToRowId: number; rows: number }> {
  const stored = (await stores.documents.loadDocument(room))!;
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return { doc, upToRowId: stored.updates.at(-1)?.rowId ?? 0, rows: stored.updates.length };
}

describe('PostgreSQL store shared by several processes', () => {
  it('migrates once when two processes start at once, and refuses a schema newer than itself', async () => {
    const { url } = await database();
    await Promise.all([open(url), open(url), open(url)]);
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(versions.map((_, index) => index + 1));
    expect(versions.length).toBeGreaterThan(0);

    await query(url, 'INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)');
    await expect(openPostgresStores({ databaseUrl: url, role: 'command', logger: silentLogger })).rejects.toThrow(/plus récent que ce serveur/);
  });

  it('refuses a command that needs the database alone while a server uses it, and a server during such a command', async () => {
    const { url } = await database();
    const server = await open(url);
    const exclusive = () => openPostgresStores({ databaseUrl: url, role: 'exclusive', logger: silentLogger });
    await expect(exclusive()).rejects.toThrow(/Un serveur Canevas utilise la base .* arrêtez-le d’abord/);
    // A command beside the server is fine; a second server too (they share the database).
    opened.push(await openPostgresStores({ databaseUrl: url, role: 'command', logger: silentLogger }));
    const second = await open(url);
    await server.close();
    await second.close();
    const alone = await exclusive();
    opened.push(alone);
    await expect(openPostgresStores({ databaseUrl: url, role: 'server', logger: silentLogger })).rejects.toThrow(/Une commande exclusive/);
    await alone.close();
    await open(url);
  });

  it('refuses, for a command that needs existing data, a database Canevas never initialised, and says where without the password', async () => {
    const { url } = await database();
    const withPassword = url.replace('postgres@', 'postgres:secret@');
    const refused = await openPostgresStores({ databaseUrl: withPassword, role: 'command', mustExist: true, logger: silentLogger }).catch((error: unknown) => error);
    expect((refused as Error).name).toBe('MissingDatabaseError');
    expect((refused as Error).message).toContain('Aucune donnée Canevas dans la base PostgreSQL');
    expect((refused as Error).message).not.toContain('secret');
    expect(await query(url, "SELECT to_regclass('schema_migrations') AS t")).toEqual([{ t: null }]);
    const stores = await open(withPassword);
    expect(stores.location).toBe(url);
    expect(stores.backup).toBeUndefined();
  });

  it('keeps at most the pool size it was given (DATABASE_POOL_SIZE), 10 by default, however many queries wait', async () => {
    const { url, name } = await database();
    const connections = async () =>
      (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'canevas'`))[0]!.n;
    // Queries issued in one turn each take a connection of their own while the pool may open one.
    const burst = (stores: Stores) => Promise.all(Array.from({ length: 12 }, (_, index) => stores.documents.getDocument(`d${index}`)));
    const small = await openStores({ role: 'command', dataDir: '/nonexistent', databaseUrl: url, databasePoolSize: 2, logger: silentLogger });
    opened.push(small);
    await burst(small);
    expect(await connections()).toBe(2);
    await small.close();
    // Backends end a moment after their client leaves.
    await waitFor(async () => (await connections()) === 0, { message: () => 'the small pool’s connections did not end' });
    const standard = await openStores({ role: 'command', dataDir: '/nonexistent', databaseUrl: url, logger: silentLogger });
    opened.push(standard);
    await burst(standard);
    expect(await connections()).toBe(10);
  });

  it('loses nothing when two processes fold the same document while updates keep arriving', async () => {
    const { url } = await database();
    const [one, two] = [await open(url), await open(url)];
    await one.documents.createDocument(newDocument('doc-1'));
    const perWriter = 120;
    let writing = true;
    let appended = 0;

    // Two writers, one per process, each a Yjs client appending its own items one turn at a time.
    const writers = [one, two].map(async (stores, writer) => {
      const doc = new Y.Doc();
      const items = doc.getArray<string>('items');
      for (let i = 0; i < perWriter; i++) {
        let update: Uint8Array | undefined;
        doc.once('update', (value: Uint8Array) => (update = value));
        items.push([`${writer}-${i}`]);
        await stores.documents.appendUpdates([{ room: 'doc-1', update: update! }]);
        appended++;
      }
    });
    // Two folders, one per process, each folding what it read, as the engine does from the store.
    let folds = 0;
    const folders = [one, two].map(async (stores, folder) => {
      while (writing) {
        const seen = appended;
        const { doc, upToRowId, rows } = await stateOf(stores, 'doc-1');
        // The second folder is slower: by the time it folds, more was written, and the first
        // has often folded a newer view.
        if (folder === 1) await waitFor(() => !writing || appended > seen + 3);
        if (rows > 0) {
          await stores.documents.foldLog('doc-1', Y.encodeStateAsUpdate(doc), upToRowId);
          folds++;
        }
        doc.destroy();
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(folders);

    expect(folds).toBeGreaterThan(0);
    for (const reader of [one, two]) {
      const { doc } = await stateOf(reader, 'doc-1');
      const items = doc.getArray<string>('items').toArray();
      expect(items).toHaveLength(2 * perWriter);
      for (let writer = 0; writer < 2; writer++) {
        // Each writer's items in its own order: nothing lost, nothing reordered.
        expect(items.filter((item) => item.startsWith(`${writer}-`))).toEqual(Array.from({ length: perWriter }, (_, i) => `${writer}-${i}`));
      }
    }
  });

  it('never lets a fold of an older view replace a newer snapshot', async () => {
    const { url } = await database();
    const [slow, fast] = [await open(url), await open(url)];
    await slow.documents.createDocument(newDocument('doc-1'));
    const writer = new Y.Doc();
    const text = writer.getText('text');
    const append = async (value: string) => {
      let update: Uint8Array | undefined;
      writer.once('update', (bytes: Uint8Array) => (update = bytes));
      text.insert(text.length, value);
      await fast.documents.appendUpdates([{ room: 'doc-1', update: update! }]);
    };
    await append('Plan ');
    await append("d’actions ");
    // The slow process reads, then takes its time.
    const older = await stateOf(slow, 'doc-1');
    await append('2027');
    const newer = await stateOf(fast, 'doc-1');
    await fast.documents.foldLog('doc-1', Y.encodeStateAsUpdate(newer.doc), newer.upToRowId);
    await slow.documents.foldLog('doc-1', Y.encodeStateAsUpdate(older.doc), older.upToRowId);

    const { doc } = await stateOf(slow, 'doc-1');
    expect(doc.getText('text').toString()).toBe("Plan d’actions 2027");
  });
});

describe('PostgreSQL server that goes away', () => {
  let cluster: ThrowawayCluster;
  let url: string;
  beforeAll(async () => {
    // Its own cluster: halting the run's shared one would fail the other files.
    cluster = await startThrowawayCluster();
    await query(cluster.url, 'CREATE DATABASE canevas');
    url = cluster.url.replace(/\/postgres$/, '/canevas');
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('refuses writes while unreachable (kind other), without crashing, and keeps everything it committed', async () => {
    const stores = await open(url);
    const { documents } = stores;
    await documents.createDocument(newDocument('doc-1'));
    for (let i = 1; i <= 50; i++) await documents.appendUpdates([{ room: 'doc-1', update: new Uint8Array([i]) }]);

    // As a crash: no checkpoint; the committed batches must come back from the WAL.
    await cluster.halt();
    const refused = await documents.appendUpdates([{ room: 'doc-1', update: new Uint8Array([99]) }]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeDefined();
    expect(storageFaultKind(refused)).toBe('other');
    await expect(documents.loadDocument('doc-1')).rejects.toBeDefined();

    await cluster.resume();
    // The pool replaces the connections the server dropped; the next write goes through.
    await waitFor(async () =>
      documents.appendUpdates([{ room: 'doc-1', update: new Uint8Array([51]) }]).then(
        () => true,
        () => false,
      ),
    );
    const stored = (await documents.loadDocument('doc-1'))!.updates.map((row) => row.update[0]);
    expect(stored.slice(0, 51)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(stored).not.toContain(99);
  });

  it('replaces connections ended under it (a restart, an administrator): the very next load, append and fold go through', async () => {
    const stores = await open(url);
    const { documents } = stores;
    await documents.createDocument(newDocument('doc-2'));
    await documents.appendUpdates([{ room: 'doc-2', update: new Uint8Array([1]) }]);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      for (let round = 0; round < 20; round++) {
        // Several idle connections in the pool, then the server ends them all. Their farewell
        // may still be unread when the next call takes one: it must not fail for that.
        await Promise.all(Array.from({ length: 4 }, () => documents.loadDocument('doc-2')));
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'canevas' AND backend_type = 'client backend'");
        await documents.appendUpdates([{ room: 'doc-2', update: new Uint8Array([round + 2]) }]);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'canevas' AND backend_type = 'client backend'");
        const { updates } = (await documents.loadDocument('doc-2'))!;
        // Each append stored once: what the last fold left, plus this round's.
        expect(updates.map((row) => row.update[0])).toEqual(round === 0 ? [1, 2] : [round + 2]);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'canevas' AND backend_type = 'client backend'");
        await documents.foldLog('doc-2', emptyState(), updates.at(-1)!.rowId);
      }
    } finally {
      await admin.end();
    }
    // The last fold took effect.
    const stored = (await documents.loadDocument('doc-2'))!;
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot).toEqual(emptyState());
  });
});
