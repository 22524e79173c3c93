import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type SqliteDocumentStore, type CanevasServer, type ServerOptions } from '@canevas/sync-server';
import { captureLogger, type CapturedLogs } from './captureLogger.js';
import { bootstrapAdmin, rememberServerToken, type TestAccount } from './testAccounts.js';
import { databaseUrlFor, dropDatabaseOf } from './testStore.js';

export interface TestServer extends CanevasServer {
  dataDir: string;
  logs: CapturedLogs;
  /** The administrator, owner of `admin.workspaceId`; the helpers' default credentials. */
  admin: TestAccount;
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

/**
 * Roots that the sync, durability and access tests write as plain Yjs types: the server refuses
 * them by default (only the ProseMirror body is allowed), so these tests declare them. The shape
 * tests (`documentShape.test.ts`) pass `extraContentRoots: []`.
 */
export const TEST_CONTENT_ROOTS: readonly string[] = ['text', 'fields', 'm', 'participants'];

/**
 * A real server on port 0 (or `port`, to restart one where its clients reconnect) with a real
 * SQLite file in a fresh temporary folder (or `dataDir`); with `CANEVAS_TEST_STORE=postgres`, a
 * real PostgreSQL database standing for that folder (see testStore.ts).
 */
export async function newServer(options: Partial<ServerOptions> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await newDataDir());
  const logs = captureLogger();
  const databaseUrl = options.stores || options.databaseUrl ? undefined : await databaseUrlFor(dataDir);
  const server = await createServer({
    logger: logs.logger,
    extraContentRoots: TEST_CONTENT_ROOTS,
    ...options,
    ...(databaseUrl && { databaseUrl }),
    dataDir,
    port: options.port ?? 0,
  });
  // The switch must really take: a run meant for PostgreSQL that fell back to SQLite proves nothing.
  if (databaseUrl && !server.stores.location.startsWith('postgres')) throw new Error(`CANEVAS_TEST_STORE=postgres, but the server stores in ${server.stores.location}`);
  const admin = await bootstrapAdmin(server.accounts);
  rememberServerToken(server.url, admin.token);
  return {
    ...server,
    admin,
    dataDir,
    logs,
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      await dropDatabaseOf(dataDir);
    },
  };
}

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'canevas-test-'));
}

/**
 * The server's own better-sqlite3 connection, to inject real SQLite faults (`max_page_count`,
 * `query_only`, `busy_timeout`) exactly where the server writes.
 */
export function serverDatabase(server: CanevasServer): SqliteDocumentStore['database'] {
  // Test-only reach into the SQLite engine: the server itself never asks which store it has.
  const database = (server.store as Partial<SqliteDocumentStore>).database;
  if (!database) throw new Error('The server does not use the SQLite store.');
  return database;
}
