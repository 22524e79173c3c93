import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { putThread, readThreads, reviewRoomOf } from '@canevas/core';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StoredRoomChanges } from '../review/StoredRoomChanges.js';
import { openStores } from '../store/openStores.js';
import type { Stores } from '../store/Stores.js';
import { DELETED_AUTHOR, PrivacyError, PrivacyService } from './PrivacyService.js';

let dir: string;
let stores: Stores;
let privacy: PrivacyService;

/** An administrator owning « Atelier » with one document, and Inès, tutor, who commented it. */
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'canevas-privacy-service-'));
  // As `user delete` runs: the stores alone, the review docs rewritten in the store.
  stores = await openStores({ role: 'exclusive', dataDir: dir });
  privacy = new PrivacyService({ stores, rooms: new StoredRoomChanges(stores.documents) });
  const { accounts, documents } = stores;
  await accounts.createUser({ id: 'admin', email: 'admin@exemple.fr', name: 'Admin', passwordHash: null, isAdmin: true, createdAt: 1 });
  await accounts.createUser({ id: 'ines', email: 'ines@exemple.fr', name: 'Inès', passwordHash: null, isAdmin: false, createdAt: 1 });
  await accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: 'admin', createdAt: 1 });
  await accounts.setMember('w1', 'ines', 'tutor', 2);
  await documents.createDocument({ id: 'd1', title: 'Bilan', workspaceId: 'w1', referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) });
  const review = new Y.Doc();
  const updates: Uint8Array[] = [];
  review.on('update', (update: Uint8Array) => updates.push(update));
  putThread(review, {
    id: 't1',
    authorId: 'ines',
    createdAt: '2026-12-07T10:00:00.000Z',
    resolved: false,
    comments: [{ id: 'c1', authorId: 'ines', authorName: 'Inès', body: 'Développez.', createdAt: '2026-12-07T10:00:00.000Z' }],
  });
  await documents.appendUpdates(updates.map((update) => ({ room: reviewRoomOf('d1'), update })));
  await stores.submissions.create({ id: 's1', documentId: 'd1', name: 'Version 1', createdBy: 'Inès', createdAt: 5, state: new Uint8Array([0, 0]) });
});

afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storedThreads() {
  const stored = (await stores.documents.loadDocument(reviewRoomOf('d1')))!;
  const doc = new Y.Doc();
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return readThreads(doc);
}

it('exports an account from the stores alone, storing nothing', async () => {
  const before = (await stores.documents.loadDocument(reviewRoomOf('d1')))!.updates.length;
  const exported = await privacy.exportUser('ines');
  expect(exported.workspaces).toEqual([{ id: 'w1', name: 'Atelier', role: 'tutor' }]);
  expect(exported.comments).toMatchObject([{ documentId: 'd1', documentTitle: 'Bilan', threadId: 't1', body: 'Développez.' }]);
  expect(exported.submissions).toMatchObject([{ documentId: 'd1', name: 'Version 1' }]);
  expect((await stores.documents.loadDocument(reviewRoomOf('d1')))!.updates).toHaveLength(before);
});

it('exports the whole activity of a person, newest first, past the audit log\'s former 10,000-entry cap', async () => {
  // More than the old single read (10,000) and than one page of `readAudit` (1,000); someone
  // else's entries in between are left out.
  const count = 10_010;
  for (let at = 1; at <= count; at++) {
    await stores.accounts.audit({ at, userId: 'ines', action: 'document.open', documentId: 'd1' });
    if (at % 1_000 === 0) await stores.accounts.audit({ at, userId: 'admin', action: 'document.open', documentId: 'd1' });
  }
  const activity = (await privacy.exportUser('ines')).activity;
  expect(activity).toHaveLength(count);
  expect(activity[0]).toEqual({ at: count, userId: 'ines', action: 'document.open', workspaceId: null, documentId: 'd1' });
  expect(activity.every((entry, index) => entry.userId === 'ines' && entry.at === count - index)).toBe(true);
});

it('erases an account: review docs rewritten in the store, submissions renamed, account gone', async () => {
  expect(await privacy.deleteUser('ines')).toEqual({ documents: 1 });
  expect((await storedThreads())[0]).toMatchObject({ authorId: '', comments: [{ body: 'Développez.', authorId: '', authorName: DELETED_AUTHOR }] });
  expect((await stores.submissions.list('d1'))[0]!.createdBy).toBe(DELETED_AUTHOR);
  expect(await stores.accounts.getUser('ines')).toBeUndefined();
  expect((await stores.accounts.listAudit({ limit: 10 })).map((entry) => entry.action)).toEqual(['user.deleted']);
  await expect(privacy.deleteUser('admin')).rejects.toBeInstanceOf(PrivacyError);
});
