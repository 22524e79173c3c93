import { QuotaExceededError, storageFaultKind, type DocumentStore, type NewDocument } from '@canevas/sync-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type OpenedStores } from '../helpers/storeEngines.js';

// The DocumentStore contract: every behaviour the server relies on, for each engine.

const bytes = (...values: number[]) => new Uint8Array(values);

function newDocument(id: string, overrides: Partial<NewDocument> = {}): NewDocument {
  return { id, title: `Titre ${id}`, workspaceId: null, referentialId: null, templateId: null, createdAt: 1000, snapshot: bytes(0, 0), ...overrides };
}

const updatesOf = async (store: DocumentStore, room: string) => (await store.loadDocument(room))!.updates.map((row) => [...row.update]);

describe.each(STORE_ENGINES)('DocumentStore contract: $name', (engine) => {
  let opened: OpenedStores;
  let store: DocumentStore;
  beforeEach(async () => {
    opened = await engine.open({ faults: true });
    store = opened.stores.documents;
  });
  afterEach(async () => {
    await opened.dispose();
  });
  afterAll(() => engine.cleanup());

  it('creates a document with its initial state; its review doc, never written, is empty', async () => {
    await store.createDocument(newDocument('doc-1', { title: 'Plan de communication', workspaceId: 'w1', referentialId: 'tzcld', templateId: 'plan', snapshot: bytes(1, 2, 3) }));
    expect(await store.getDocument('doc-1')).toEqual({
      id: 'doc-1',
      title: 'Plan de communication',
      workspaceId: 'w1',
      referentialId: 'tzcld',
      templateId: 'plan',
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(await store.loadDocument('doc-1')).toEqual({ snapshot: bytes(1, 2, 3), updates: [], quarantined: false });
    expect(await store.loadDocument('doc-1/review')).toEqual({ snapshot: null, updates: [], quarantined: false });
    expect(await store.countDocuments()).toBe(1);
  });

  it('knows nothing of a document never created, nor of a room name that is not one', async () => {
    expect(await store.getDocument('absent')).toBeUndefined();
    expect(await store.loadDocument('absent')).toBeUndefined();
    expect(await store.loadDocument('absent/review')).toBeUndefined();
    expect(await store.loadDocument('../etc/passwd')).toBeUndefined();
    expect(await store.countDocuments()).toBe(0);
  });

  it('refuses a second document with the same id and keeps the first', async () => {
    await store.createDocument(newDocument('doc-1', { title: 'Premier' }));
    await expect(store.createDocument(newDocument('doc-1', { title: 'Second' }))).rejects.toThrow();
    expect((await store.getDocument('doc-1'))!.title).toBe('Premier');
  });

  it('appends a batch across rooms and documents, each room in batch order, with growing row ids', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.createDocument(newDocument('doc-2'));
    await store.appendUpdates([
      { room: 'doc-1', update: bytes(1) },
      { room: 'doc-2', update: bytes(2) },
      { room: 'doc-1/review', update: bytes(3) },
      { room: 'doc-1', update: bytes(4) },
    ]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(5) }]);
    await store.appendUpdates([]);
    const doc1 = (await store.loadDocument('doc-1'))!;
    expect(doc1.updates.map((row) => [...row.update])).toEqual([[1], [4], [5]]);
    const ids = doc1.updates.map((row) => row.rowId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    expect(doc1.snapshot).toEqual(bytes(0, 0));
    expect(await updatesOf(store, 'doc-2')).toEqual([[2]]);
    expect(await updatesOf(store, 'doc-1/review')).toEqual([[3]]);
  });

  it('keeps updates byte for byte, empty and large ones included', async () => {
    await store.createDocument(newDocument('doc-1'));
    const large = new Uint8Array(1024 * 1024).map((_, i) => (i * 7) % 256);
    await store.appendUpdates([{ room: 'doc-1', update: bytes() }, { room: 'doc-1', update: large }, { room: 'doc-1', update: bytes(0, 255, 0) }]);
    const stored = (await store.loadDocument('doc-1'))!.updates.map((row) => row.update);
    expect(stored).toHaveLength(3);
    expect(stored[0]).toEqual(bytes());
    expect(Buffer.from(stored[1]!).equals(Buffer.from(large))).toBe(true);
    expect(stored[2]).toEqual(bytes(0, 255, 0));
  });

  it('drops the updates of a document that does not exist and stores the rest of the batch', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.appendUpdates([
      { room: 'gone', update: bytes(9) },
      { room: 'doc-1', update: bytes(1) },
      { room: 'gone/review', update: bytes(9) },
    ]);
    expect(await updatesOf(store, 'doc-1')).toEqual([[1]]);
    expect(await store.loadDocument('gone')).toBeUndefined();
    expect(await store.countDocuments()).toBe(1);
  });

  it('makes a document « modifié » by content edits only, and lists the most recently updated first', async () => {
    await store.createDocument(newDocument('old', { createdAt: 1000 }));
    await store.createDocument(newDocument('new', { createdAt: 2000 }));
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual(['new', 'old']);

    await store.appendUpdates([{ room: 'old/review', update: bytes(1) }]);
    expect((await store.getDocument('old'))!.updatedAt).toBe(1000);
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual(['new', 'old']);

    const before = Date.now();
    await store.appendUpdates([{ room: 'old', update: bytes(2) }]);
    expect((await store.getDocument('old'))!.updatedAt).toBeGreaterThanOrEqual(before);
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual(['old', 'new']);
  });

  it('lists documents updated at the same time newest-created first', async () => {
    for (const id of ['a', 'b', 'c']) await store.createDocument(newDocument(id, { createdAt: 5000 }));
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual(['c', 'b', 'a']);
  });

  it('renames a document and bumps its time; false for a document that does not exist', async () => {
    await store.createDocument(newDocument('doc-1'));
    expect(await store.renameDocument('doc-1', 'Budget prévisionnel', 7000)).toBe(true);
    expect(await store.getDocument('doc-1')).toMatchObject({ title: 'Budget prévisionnel', updatedAt: 7000, createdAt: 1000 });
    expect(await store.renameDocument('absent', 'x', 7000)).toBe(false);
  });

  it('folds a log into a snapshot: the rows up to the given one go, later rows stay', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.appendUpdates([{ room: 'doc-1', update: bytes(1) }]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(2) }]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(3) }]);
    const { updates } = (await store.loadDocument('doc-1'))!;
    await store.foldLog('doc-1', bytes(7, 7), updates[1]!.rowId);
    const folded = (await store.loadDocument('doc-1'))!;
    expect(folded.snapshot).toEqual(bytes(7, 7));
    expect(folded.updates).toEqual([updates[2]]);

    // New rows come after the ones that stayed.
    await store.appendUpdates([{ room: 'doc-1', update: bytes(4) }]);
    const after = (await store.loadDocument('doc-1'))!.updates;
    expect(after.map((row) => [...row.update])).toEqual([[3], [4]]);
    expect(after[1]!.rowId).toBeGreaterThan(after[0]!.rowId);
  });

  it('folds everything stored so far with Number.MAX_SAFE_INTEGER, one room at a time', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.appendUpdates([
      { room: 'doc-1', update: bytes(1) },
      { room: 'doc-1/review', update: bytes(2) },
    ]);
    await store.foldLog('doc-1/review', bytes(8), Number.MAX_SAFE_INTEGER);
    expect(await store.loadDocument('doc-1/review')).toEqual({ snapshot: bytes(8), updates: [], quarantined: false });
    expect(await updatesOf(store, 'doc-1')).toEqual([[1]]);
    await store.foldLog('doc-1', bytes(9), Number.MAX_SAFE_INTEGER);
    expect(await store.loadDocument('doc-1')).toEqual({ snapshot: bytes(9), updates: [], quarantined: false });
  });

  it('ignores a fold of a document deleted meanwhile', async () => {
    await store.foldLog('gone', bytes(1), Number.MAX_SAFE_INTEGER);
    expect(await store.loadDocument('gone')).toBeUndefined();
    expect(await store.countDocuments()).toBe(0);
  });

  it('deletes a document with its snapshots, logs and quarantine; false when it does not exist', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.createDocument(newDocument('doc-2'));
    await store.appendUpdates([
      { room: 'doc-1', update: bytes(1) },
      { room: 'doc-1/review', update: bytes(2) },
      { room: 'doc-2', update: bytes(3) },
    ]);
    await store.quarantine({ docId: 'doc-1', room: 'doc-1', reason: 'Integer out of Range', quarantinedAt: 1 });
    expect(await store.deleteDocument('doc-1')).toBe(true);
    expect(await store.deleteDocument('doc-1')).toBe(false);
    expect(await store.getDocument('doc-1')).toBeUndefined();
    expect(await store.loadDocument('doc-1')).toBeUndefined();
    expect(await store.loadDocument('doc-1/review')).toBeUndefined();
    expect(await store.listQuarantined()).toEqual([]);
    // Late updates of the deleted document are dropped; the other document is untouched.
    await store.appendUpdates([{ room: 'doc-1', update: bytes(4) }]);
    expect(await store.loadDocument('doc-1')).toBeUndefined();
    expect(await updatesOf(store, 'doc-2')).toEqual([[3]]);
    expect((await store.listDocuments()).map((doc) => doc.id)).toEqual(['doc-2']);
  });

  it('records, replaces and releases a quarantine without touching the rows', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.createDocument(newDocument('doc-2'));
    await store.appendUpdates([{ room: 'doc-1/review', update: bytes(5) }]);
    await store.quarantine({ docId: 'doc-1', room: 'doc-1', reason: 'first', quarantinedAt: 10 });
    await store.quarantine({ docId: 'doc-1', room: 'doc-1/review', reason: 'Integer out of Range', quarantinedAt: 20 });
    await store.quarantine({ docId: 'doc-2', room: 'doc-2', reason: 'unexpected end of array', quarantinedAt: 15 });
    // A document deleted meanwhile is not recorded.
    await store.quarantine({ docId: 'gone', room: 'gone', reason: 'x', quarantinedAt: 30 });
    expect(await store.listQuarantined()).toEqual([
      { docId: 'doc-2', room: 'doc-2', reason: 'unexpected end of array', quarantinedAt: 15 },
      { docId: 'doc-1', room: 'doc-1/review', reason: 'Integer out of Range', quarantinedAt: 20 },
    ]);
    expect(await store.loadDocument('doc-1/review')).toEqual({ snapshot: null, updates: [expect.objectContaining({ update: bytes(5) })], quarantined: true });
    expect((await store.loadDocument('doc-1'))!.quarantined).toBe(false);
    await store.releaseQuarantine('doc-1');
    await store.releaseQuarantine('gone');
    expect((await store.loadDocument('doc-1/review'))!.quarantined).toBe(false);
    expect((await store.listQuarantined()).map((record) => record.docId)).toEqual(['doc-2']);
  });

  it('refuses a document past the workspace quota, counted in the creating transaction, even when created at once', async () => {
    await store.createDocument(newDocument('a', { workspaceId: 'w1' }), { maxPerWorkspace: 3 });
    const attempts = await Promise.allSettled(
      ['b', 'c', 'd', 'e'].map((id) => store.createDocument(newDocument(id, { workspaceId: 'w1' }), { maxPerWorkspace: 3 })),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(2);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect(attempt.reason).toMatchObject({ name: 'QuotaExceededError', quota: 'documents', limit: 3 });
    }
    expect(attempts.find((attempt) => attempt.status === 'rejected')).toMatchObject({ reason: expect.any(QuotaExceededError) });
    // Other workspaces and documents without one are not counted.
    await store.createDocument(newDocument('f', { workspaceId: 'w2' }), { maxPerWorkspace: 3 });
    await store.createDocument(newDocument('g'), { maxPerWorkspace: 0 });
    expect(await store.countDocuments()).toBe(5);
  });

  it('stores nothing of a batch refused by a storage fault, names the fault, and stores again once it is cured', async () => {
    expect(opened.faults.length).toBeGreaterThan(0);
    await store.createDocument(newDocument('doc-1'));
    await store.appendUpdates([{ room: 'doc-1', update: bytes(1) }]);
    for (const fault of opened.faults) {
      const cure = await fault.inject();
      let refused: unknown;
      try {
        await store.appendUpdates([
          { room: 'doc-1', update: new Uint8Array(64 * 1024).fill(2) },
          { room: 'doc-1/review', update: bytes(3) },
        ]);
      } catch (error) {
        refused = error;
      }
      expect(refused, fault.name).toBeDefined();
      expect(storageFaultKind(refused), fault.name).toBe(fault.kind);
      // Reads go on; the refused batch is not there, not even in part.
      expect(await updatesOf(store, 'doc-1')).toEqual([[1]]);
      expect(await updatesOf(store, 'doc-1/review')).toEqual([]);
      await cure();
      await store.appendUpdates([{ room: 'doc-1', update: bytes(4) }]);
      expect(await updatesOf(store, 'doc-1')).toEqual([[1], [4]]);
      await store.foldLog('doc-1', bytes(6), Number.MAX_SAFE_INTEGER);
      expect(await store.loadDocument('doc-1')).toEqual({ snapshot: bytes(6), updates: [], quarantined: false });
      await store.appendUpdates([{ room: 'doc-1', update: bytes(1) }]);
    }
  });

  it('keeps the log as it is when a fold is refused by a storage fault', async () => {
    await store.createDocument(newDocument('doc-1'));
    await store.appendUpdates([{ room: 'doc-1', update: new Uint8Array(8 * 1024).fill(1) }]);
    await store.appendUpdates([{ room: 'doc-1', update: bytes(2) }]);
    const before = await store.loadDocument('doc-1');
    for (const fault of opened.faults) {
      const cure = await fault.inject();
      // A fold that cannot write its snapshot must leave everything in place. (SQLite may accept
      // a snapshot that fits the pages it has; then the fold is complete, which is fine too.)
      const folded = await store.foldLog('doc-1', new Uint8Array(256 * 1024).fill(9), Number.MAX_SAFE_INTEGER).then(
        () => true,
        (error: unknown) => {
          expect(storageFaultKind(error), fault.name).toBe(fault.kind);
          return false;
        },
      );
      expect(folded, fault.name).toBe(false);
      expect(await store.loadDocument('doc-1'), fault.name).toEqual(before);
      await cure();
    }
  });
  it('keeps a document in the bin whole, found by nothing else, until it is restored as it was or deleted', async () => {
    await store.createDocument(newDocument('kept', { workspaceId: 'w1', snapshot: bytes(1, 2, 3) }));
    await store.createDocument(newDocument('binned', { workspaceId: 'w1', snapshot: bytes(4, 5, 6), createdAt: 2000 }));
    await store.appendUpdates([{ room: 'binned', update: bytes(7) }, { room: 'binned/review', update: bytes(8) }]);
    const before = await store.loadDocument('binned');

    expect(await store.trashDocument('binned', 5000, 'u1')).toBe(true);
    expect(await store.trashDocument('binned', 6000, 'u2')).toBe(false);
    expect(await store.trashDocument('absent', 6000, 'u2')).toBe(false);
    expect(await store.getDocument('binned')).toBeUndefined();
    expect(await store.loadDocument('binned')).toBeUndefined();
    expect(await store.loadDocument('binned/review')).toBeUndefined();
    expect((await store.listDocuments()).map((document) => document.id)).toEqual(['kept']);
    expect(await store.renameDocument('binned', 'Autre', 7000)).toBe(false);
    expect(await store.listTrashed()).toEqual([{ ...(await store.getDocument('kept')), id: 'binned', title: 'Titre binned', createdAt: 2000, updatedAt: expect.any(Number), trashedAt: 5000, trashedBy: 'u1' }]);

    expect(await store.restoreTrashedDocument('binned')).toBe(true);
    expect(await store.restoreTrashedDocument('binned')).toBe(false);
    expect(await store.listTrashed()).toEqual([]);
    expect(await store.loadDocument('binned')).toEqual(before);
    expect(await updatesOf(store, 'binned/review')).toEqual([[8]]);

    expect(await store.trashDocument('binned', 8000, null)).toBe(true);
    expect(await store.deleteDocument('binned')).toBe(true);
    expect(await store.listTrashed()).toEqual([]);
    expect(await store.restoreTrashedDocument('binned')).toBe(false);
  });
});
