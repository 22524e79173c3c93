import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { StoredRoomChanges, UnreadableStoredRoomError } from './StoredRoomChanges.js';

let dir: string;
let store: SqliteDocumentStore;
let changes: StoredRoomChanges;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'canevas-room-changes-'));
  store = new SqliteDocumentStore({ file: join(dir, 'canevas.sqlite') });
  changes = new StoredRoomChanges(store);
  await store.createDocument({ id: 'd1', title: 'Bilan', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedDoc(room: string): Promise<{ doc: Y.Doc; rows: number }> {
  const stored = (await store.loadDocument(room))!;
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return { doc, rows: stored.updates.length };
}

it('applies a change to the stored state and appends the one update it wrote', async () => {
  expect(await changes.applyServerChange('d1/review', (doc) => doc.getMap('threads').set('t1', 'premier'))).toMatchObject({ found: true });
  const result = await changes.applyServerChange('d1/review', (doc) => {
    doc.getMap('threads').set('t2', 'second');
    return doc.getMap('threads').size;
  });
  expect(result).toEqual({ found: true, value: 2 });
  const { doc, rows } = await storedDoc('d1/review');
  expect(doc.getMap('threads').toJSON()).toEqual({ t1: 'premier', t2: 'second' });
  expect(rows).toBe(2);
  // The content doc is another room: untouched.
  expect((await storedDoc('d1')).rows).toBe(0);
});

it('stores nothing for a change that only reads, and says when the document does not exist', async () => {
  expect(await changes.applyServerChange('d1/review', (doc) => doc.getMap('threads').size)).toEqual({ found: true, value: 0 });
  expect((await store.loadDocument('d1/review'))!.updates).toEqual([]);
  expect(await changes.applyServerChange('inconnu/review', () => 1)).toEqual({ found: false });
});

it('stores what a failing change wrote before it threw, then rejects with its error', async () => {
  const failure = changes.applyServerChange('d1/review', (doc) => {
    doc.getMap('threads').set('t1', 'écrit');
    throw new Error('refusé');
  });
  await expect(failure).rejects.toThrow('refusé');
  expect((await storedDoc('d1/review')).doc.getMap('threads').get('t1')).toBe('écrit');
});

it('refuses a room whose stored rows cannot be read, and writes nothing to it', async () => {
  await store.appendUpdates([{ room: 'd1/review', update: new Uint8Array([255, 255, 255, 1, 2, 3]) }]);
  await expect(changes.applyServerChange('d1/review', (doc) => doc.getMap('threads').set('t1', 'x'))).rejects.toBeInstanceOf(UnreadableStoredRoomError);
  expect((await store.loadDocument('d1/review'))!.updates).toHaveLength(1);
});
