import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageFaultKind } from '@canevas/core';
import { openPostgresStores, openStores, silentLogger, type SqliteDocumentStore, type Stores } from '@canevas/sync-server';
import { newPostgresDatabase, type TestDatabase } from './postgresDatabase.js';
import { fullDiskFor, type FullDisk } from './postgresDiskFull.js';

/** A real fault of the engine's storage, and the kind the server must name it. */
export interface StoreFault {
  name: string;
  kind: StorageFaultKind;
  /** Makes writes fail; resolves to the cure. */
  inject(): Promise<() => Promise<void>>;
}

/** Every store of one engine on fresh, empty storage, opened as a server opens them. */
export interface OpenedStores {
  stores: Stores;
  faults: StoreFault[];
  /** Closes the stores and removes their storage. */
  dispose(): Promise<void>;
}

export interface StoreEngine {
  name: 'sqlite' | 'postgres';
  /**
   * Fresh, empty stores (call `dispose` after each test). `faults`: prepare every fault the
   * machine allows (PostgreSQL's full disk mounts a small tmpfs, so only the files that inject
   * faults ask for it).
   */
  open(options?: { faults?: boolean }): Promise<OpenedStores>;
  /** Releases what the engine kept between tests of a file (afterAll). */
  cleanup(): Promise<void>;
}

/** SQLite as the server opens it: WAL, the update log in front, the data folder's lock. */
const sqlite: StoreEngine = {
  name: 'sqlite',
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'canevas-contract-'));
    const stores = await openStores({ role: 'server', dataDir: dir, sqliteBusyTimeoutMs: 0 });
    // Test-only reach into the engine, to inject real SQLite faults.
    const documents = stores.documents as SqliteDocumentStore;
    const db = documents.database;
    return {
      stores,
      faults: [
        {
          // Neither the database file nor the update log may grow (as fillDisk in storageFaults.ts).
          name: 'disk full',
          kind: 'full',
          async inject() {
            db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
            documents.updateLog!.setQuota(documents.updateLog!.bytes);
            return async () => {
              db.pragma('max_page_count = 1073741823');
              documents.updateLog!.setQuota(Number.POSITIVE_INFINITY);
            };
          },
        },
      ],
      async dispose() {
        await stores.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  async cleanup() {},
};

let fileDatabase: Promise<TestDatabase> | undefined;
let fileDisk: Promise<FullDisk | undefined> | undefined;

/**
 * A database of the run's throwaway cluster, migrated as the server does at start, emptied
 * before each test: one per test file (creating and migrating one per test would cost a second).
 */
const postgres: StoreEngine = {
  name: 'postgres',
  async open(options = {}) {
    fileDatabase ??= newPostgresDatabase();
    const database = await fileDatabase;
    await database.empty();
    // The pool reports the connections these tests end on purpose: not worth a line on stderr.
    const stores = await openPostgresStores({ databaseUrl: database.url, role: 'server', logger: silentLogger });
    // Once the schema exists (its tables move onto the small disk).
    const disk = options.faults ? await (fileDisk ??= fullDiskFor(database)) : undefined;
    // Connections already open keep their settings: end them, the pool opens new ones.
    const reconnect = () => database.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`);
    return {
      stores,
      faults: [
        {
          name: 'database read-only',
          kind: 'readonly',
          async inject() {
            await database.admin(`ALTER DATABASE ${database.name} SET default_transaction_read_only = on`);
            await reconnect();
            return async () => {
              await database.admin(`ALTER DATABASE ${database.name} RESET default_transaction_read_only`);
              await reconnect();
            };
          },
        },
        // Where the machine lets the tests mount a small disk (root, as in CI).
        ...(disk
          ? [
              {
                name: 'disk full',
                kind: 'full' as const,
                async inject() {
                  disk.fill();
                  return async () => disk.free();
                },
              },
            ]
          : []),
      ],
      async dispose() {
        await stores.close();
      },
    };
  },
  async cleanup() {
    const database = fileDatabase;
    const disk = fileDisk;
    fileDatabase = undefined;
    fileDisk = undefined;
    if (database) await (await database).drop();
    await (await disk)?.destroy();
  },
};

export const STORE_ENGINES: readonly StoreEngine[] = [sqlite, postgres];

