import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { openStores } from './openStores.js';
import { DataFolderBusyError, MissingDatabaseError, StoresUnavailableError, type Stores } from './Stores.js';

let dataDir: string;
const opened: Stores[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'canevas-stores-'));
});

afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(role: 'server' | 'command' | 'exclusive', mustExist = false): Promise<Stores> {
  const stores = await openStores({ role, dataDir, mustExist });
  opened.push(stores);
  return stores;
}

const lockFile = () => join(dataDir, 'canevas.lock');
const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

async function newDocument(stores: Stores, id: string, workspaceId: string | null): Promise<void> {
  await stores.documents.createDocument({ id, title: id, workspaceId, referentialId: null, templateId: null, createdAt: 1, snapshot: emptyState() });
}

/** A live process that is not this one: the parent of the test runner. */
function writeForeignLock(): void {
  writeFileSync(lockFile(), `${process.ppid}\n`);
}

describe('openStores', () => {
  it('opens SQLite in the data folder; a server holds the folder until its stores close', async () => {
    const server = await open('server');
    expect(server.location).toBe(join(dataDir, 'canevas.sqlite'));
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    // A command beside it reads and writes without the lock.
    const command = await open('command', true);
    expect(await command.documents.countDocuments()).toBe(0);
    await command.close();
    expect(existsSync(lockFile())).toBe(true);
    await server.close();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a server or an exclusive command while another live process holds the folder, and leaves its lock alone', async () => {
    await (await open('server')).close();
    writeForeignLock();
    for (const role of ['server', 'exclusive'] as const) {
      const refused = await openStores({ role, dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataFolderBusyError);
      expect((refused as DataFolderBusyError).pid).toBe(process.ppid);
    }
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.ppid));
    // A command beside the server is fine.
    expect(await (await open('command', true)).accounts.countUsers()).toBe(0);
  });

  it('refuses a missing database when it must exist, and creates nothing', async () => {
    await expect(openStores({ role: 'command', dataDir, mustExist: true })).rejects.toBeInstanceOf(MissingDatabaseError);
    expect(existsSync(join(dataDir, 'canevas.sqlite'))).toBe(false);
  });

  it('refuses a DATABASE_URL that is not postgres://, and says in French that PostgreSQL cannot be reached', async () => {
    await expect(openStores({ role: 'server', dataDir, databaseUrl: 'mysql://localhost/canevas' })).rejects.toBeInstanceOf(StoresUnavailableError);
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const refused = await openStores({ role: 'server', dataDir, databaseUrl: 'postgres://canevas:secret@127.0.0.1:1/canevas', logger: silentLogger }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoresUnavailableError);
    expect((refused as Error).message).toMatch(/^PostgreSQL \(postgres:\/\/canevas@127\.0\.0\.1:1\/canevas\) ne répond pas/);
    expect((refused as Error).message).not.toContain('secret');
    // PostgreSQL has no data folder: nothing is created or locked there.
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe('the SQLite stores', () => {
  // Placement and erasure are in the stores contract suite (test/integration/storesContract.test.ts).
  it('backs up to a new file beside a running server: a verified copy with its documents', async () => {
    const server = await open('server');
    await newDocument(server, 'd1', null);
    const command = await open('command', true);
    expect(command.backup).toBeDefined();
    const copyDir = join(dataDir, 'copie');
    mkdirSync(copyDir);
    const target = join(copyDir, 'canevas.sqlite');
    expect(await command.backup!(target)).toEqual({ documents: 1, warnings: [] });
    expect(existsSync(`${target}.partiel`)).toBe(false);
    const copy = await openStores({ role: 'command', dataDir: copyDir, mustExist: true });
    opened.push(copy);
    expect((await copy.documents.listDocuments()).map((document) => document.id)).toEqual(['d1']);
  });
});
