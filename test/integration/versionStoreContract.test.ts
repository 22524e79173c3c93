import type { Stores } from '@canevas/sync-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STORE_ENGINES, type OpenedStores } from '../helpers/storeEngines.js';

// The contract of the version store (issue 16), for each engine.

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

describe.each(STORE_ENGINES)('Version store contract: $name', (engine) => {
  let opened: OpenedStores;
  let stores: Stores;
  beforeEach(async () => {
    opened = await engine.open();
    stores = opened.stores;
  });
  afterEach(async () => {
    await opened.dispose();
  });
  afterAll(() => engine.cleanup());

  async function newDocument(id: string): Promise<void> {
    await stores.documents.createDocument({ id, title: id, workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: emptyState() });
  }

  it('keeps each version with its state, kind, name, authors and size, newest first', async () => {
    await newDocument('d1');
    await newDocument('d2');
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'Plan de communication, avant la réunion. '.repeat(50));
    const state = Y.encodeStateAsUpdate(doc);
    const created = await stores.versions.create({ id: 'v1', documentId: 'd1', kind: 'auto', name: null, createdAt: 5, createdBy: null, editors: ['u2', 'u1'], restoredFrom: null, state });
    expect(created).toEqual({ id: 'v1', documentId: 'd1', kind: 'auto', name: null, createdAt: 5, createdBy: null, editors: ['u2', 'u1'], restoredFrom: null, bytes: created.bytes });
    // Stored compressed: `bytes` is what it costs.
    expect(created.bytes).toBeGreaterThan(0);
    expect(created.bytes).toBeLessThan(state.byteLength / 2);
    await stores.versions.create({ id: 'v2', documentId: 'd1', kind: 'named', name: 'Avant la réunion', createdAt: 7, createdBy: 'u1', editors: [], restoredFrom: null, state: emptyState() });
    // Same time: the last created comes first.
    await stores.versions.create({ id: 'v3', documentId: 'd1', kind: 'restore', name: null, createdAt: 7, createdBy: 'u2', editors: ['u2'], restoredFrom: 'v1', state });
    await stores.versions.create({ id: 'v4', documentId: 'd2', kind: 'submission', name: 'Dépôt 1', createdAt: 6, createdBy: 'u1', editors: [], restoredFrom: null, state: emptyState() });

    const listed = await stores.versions.list('d1');
    expect(listed.map((version) => version.id)).toEqual(['v3', 'v2', 'v1']);
    expect(listed[0]).toEqual({ id: 'v3', documentId: 'd1', kind: 'restore', name: null, createdAt: 7, createdBy: 'u2', editors: ['u2'], restoredFrom: 'v1', bytes: created.bytes });
    expect(listed[0]).not.toHaveProperty('state');
    const stored = await stores.versions.get('v1');
    expect(stored).toMatchObject(created);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored!.state);
    expect(copy.getText('text').toString()).toBe('Plan de communication, avant la réunion. '.repeat(50));
    expect(await stores.versions.get('absent')).toBeUndefined();
    expect((await stores.versions.list('d2')).map((version) => version.kind)).toEqual(['submission']);
  });

  it('deletes only the listed versions of the given document', async () => {
    await newDocument('d1');
    await newDocument('d2');
    for (const [id, documentId] of [['a', 'd1'], ['b', 'd1'], ['c', 'd1'], ['x', 'd2']] as const) {
      await stores.versions.create({ id, documentId, kind: 'auto', name: null, createdAt: 1, createdBy: null, editors: [], restoredFrom: null, state: emptyState() });
    }
    // `x` belongs to another document and `absent` to none: neither counts.
    expect(await stores.versions.delete('d1', ['a', 'c', 'x', 'absent'])).toBe(2);
    expect((await stores.versions.list('d1')).map((version) => version.id)).toEqual(['b']);
    expect((await stores.versions.list('d2')).map((version) => version.id)).toEqual(['x']);
    expect(await stores.versions.delete('d1', [])).toBe(0);
  });

  it('deletes the versions with their document', async () => {
    await newDocument('d1');
    await stores.versions.create({ id: 'v1', documentId: 'd1', kind: 'named', name: 'Gardée', createdAt: 1, createdBy: 'u1', editors: [], restoredFrom: null, state: emptyState() });
    await stores.documents.deleteDocument('d1');
    expect(await stores.versions.list('d1')).toEqual([]);
    expect(await stores.versions.get('v1')).toBeUndefined();
  });
});
