import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeWithOneDocument(checkpointInWorker: boolean): Promise<{ store: SqliteDocumentStore; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'canevas-wal-'));
  dirs.push(dir);
  const file = join(dir, 'canevas.sqlite');
  const store = new SqliteDocumentStore({ file, checkpointInWorker });
  await store.createDocument({ id: 'doc-1', title: 'Plan', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: new Uint8Array([0, 0]) });
  return { store, file };
}

async function commitMany(store: SqliteDocumentStore, commits: number): Promise<void> {
  for (let i = 0; i < commits; i++) await store.appendUpdates([{ room: 'doc-1', update: new Uint8Array(2048).fill(i % 251) }]);
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('copies the log into the database file from the worker, never from a commit', async () => {
  const { store, file } = await storeWithOneDocument(true);
  expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const before = statSync(file).size;
  await commitMany(store, 600);
  // 1.2 MB went to the log; only the worker's checkpoints can have moved it into the file.
  await until(() => statSync(file).size > before + 512 * 1024);
  expect((await store.loadDocument('doc-1'))!.updates).toHaveLength(600);
  await store.close();
  // The last connection to close removes the log: nothing of the worker is left open.
  expect(existsSync(`${file}-wal`)).toBe(false);
});

it('without the worker, SQLite checkpoints on its own as before', async () => {
  const { store } = await storeWithOneDocument(false);
  expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await commitMany(store, 10);
  await store.close();
});
