import { ERASED_AUTHOR, ERASED_REFERENCE, type Stores } from '@canevas/sync-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STORE_ENGINES, type OpenedStores } from '../helpers/storeEngines.js';

// The contract of the stores beside documents and accounts (submissions, privacy) and of the
// operations that span several of them (placement, erasure), for each engine.

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

describe.each(STORE_ENGINES)('Stores contract: $name', (engine) => {
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

  async function newDocument(id: string, workspaceId: string | null): Promise<void> {
    await stores.documents.createDocument({ id, title: id, workspaceId, referentialId: null, templateId: null, createdAt: 1, snapshot: emptyState() });
  }

  it('keeps submissions with their state, newest first, and deletes them with their document', async () => {
    await newDocument('d1', null);
    await newDocument('d2', null);
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'Mémoire, version remise au tuteur');
    const state = Y.encodeStateAsUpdate(doc);
    const created = await stores.submissions.create({ id: 's1', documentId: 'd1', name: 'Version 1', createdBy: 'Inès', createdAt: 5, state });
    expect(created).toEqual({ id: 's1', documentId: 'd1', name: 'Version 1', createdBy: 'Inès', createdAt: 5 });
    await stores.submissions.create({ id: 's2', documentId: 'd1', name: 'Version 2', createdBy: 'Inès', createdAt: 7, state: emptyState() });
    // Same time: the last created comes first.
    await stores.submissions.create({ id: 's3', documentId: 'd1', name: 'Version 3', createdBy: 'Awa', createdAt: 7, state: emptyState() });
    await stores.submissions.create({ id: 's4', documentId: 'd2', name: 'Autre', createdBy: 'Inès', createdAt: 6, state: emptyState() });

    expect((await stores.submissions.list('d1')).map((submission) => submission.id)).toEqual(['s3', 's2', 's1']);
    const stored = await stores.submissions.get('s1');
    expect(stored).toMatchObject(created);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored!.state);
    expect(copy.getText('text').toString()).toBe('Mémoire, version remise au tuteur');
    expect(await stores.submissions.get('absent')).toBeUndefined();
    expect((await stores.submissions.listByAuthor('Inès')).map((submission) => submission.id)).toEqual(['s1', 's4', 's2']);

    await stores.documents.deleteDocument('d1');
    expect(await stores.submissions.list('d1')).toEqual([]);
    expect(await stores.submissions.get('s1')).toBeUndefined();
    expect((await stores.submissions.listByAuthor('Inès')).map((submission) => submission.id)).toEqual(['s4']);
  });

  it('places the documents without a workspace into one new workspace without members, once', async () => {
    const owner = await stores.accounts.createUser({ id: 'u1', email: 'awa@exemple.fr', name: 'Awa', passwordHash: null, isAdmin: true, createdAt: 1 });
    await stores.accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: owner.id, createdAt: 1 });
    await newDocument('a', null);
    await newDocument('b', null);
    await newDocument('c', 'w1');

    expect(await stores.documents.placeUnassignedDocuments({ id: 'demo', name: 'Démonstration', createdAt: 2 })).toBe(2);
    expect((await stores.documents.listDocuments()).map((document) => [document.id, document.workspaceId]).sort()).toEqual([['a', 'demo'], ['b', 'demo'], ['c', 'w1']]);
    expect(await stores.accounts.listOrphanWorkspaces()).toEqual([{ id: 'demo', name: 'Démonstration', createdAt: 2 }]);
    // Nothing left to place: no second workspace.
    expect(await stores.documents.placeUnassignedDocuments({ id: 'again', name: 'Encore', createdAt: 3 })).toBe(0);
    expect(await stores.accounts.getWorkspace('again')).toBeUndefined();
    expect(await stores.accounts.listWorkspaces()).toEqual([
      { workspace: { id: 'w1', name: 'Atelier', createdAt: 1 }, members: 1 },
      { workspace: { id: 'demo', name: 'Démonstration', createdAt: 2 }, members: 0 },
    ]);
  });

  it('lists every workspace by name, code point by code point (uppercase first), then by id', async () => {
    for (const [id, name] of [['w3', 'budget'], ['w2', 'Budget'], ['w1', 'Budget'], ['w4', 'Écoles']] as const) {
      await stores.accounts.createOrphanWorkspace({ id, name, createdAt: 1 });
    }
    expect((await stores.accounts.listWorkspaces()).map((entry) => entry.workspace.id)).toEqual(['w1', 'w2', 'w3', 'w4']);
  });

  it('erases an account: submissions renamed, audit anonymised, sessions and memberships gone, others untouched', async () => {
    const { accounts, submissions, privacy } = stores;
    await accounts.createUser({ id: 'admin', email: 'admin@exemple.fr', name: 'Admin', passwordHash: null, isAdmin: true, createdAt: 1 });
    await accounts.createUser({ id: 'ines', email: 'ines@exemple.fr', name: 'Inès', passwordHash: null, isAdmin: false, createdAt: 1 });
    await accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: 'admin', createdAt: 1 });
    await accounts.setMember('w1', 'ines', 'tutor', 2);
    await accounts.createSession({ tokenHash: 's-ines', userId: 'ines', createdAt: 1, expiresAt: 100 });
    await accounts.createApiToken({ id: 'k-ines', tokenHash: 't-ines', userId: 'ines', name: 'script', createdAt: 1, expiresAt: null });
    await newDocument('d1', 'w1');
    await submissions.create({ id: 's1', documentId: 'd1', name: 'Version 1', createdBy: 'Inès', createdAt: 5, state: emptyState() });
    await submissions.create({ id: 's2', documentId: 'd1', name: 'Version 2', createdBy: 'Admin', createdAt: 6, state: emptyState() });
    await accounts.audit({ at: 3, userId: 'ines', action: 'document.open', documentId: 'd1' });
    await accounts.audit({ at: 4, userId: 'admin', action: 'member.role_changed', workspaceId: 'w1', detail: { member: 'ines', to: 'tutor', also: ['ines'] } });
    expect((await submissions.listByAuthor('Inès')).map((submission) => submission.id)).toEqual(['s1']);

    await privacy.eraseUser({ id: 'ines', name: 'Inès' });

    expect(await accounts.getUser('ines')).toBeUndefined();
    expect(await accounts.findSession('s-ines', 0)).toBeUndefined();
    expect(await accounts.getApiToken('k-ines')).toBeUndefined();
    expect((await accounts.listMembers('w1')).map((member) => member.user.id)).toEqual(['admin']);
    expect(await submissions.listByAuthor('Inès')).toEqual([]);
    expect((await submissions.list('d1')).map((submission) => [submission.id, submission.createdBy])).toEqual([['s2', 'Admin'], ['s1', ERASED_AUTHOR]]);
    const audit = await accounts.listAudit({ documentId: 'd1' });
    expect(audit.map((entry) => [entry.action, entry.userId])).toEqual([['document.open', null]]);
    const [roleChange] = await accounts.listAudit({ workspaceId: 'w1' });
    expect(roleChange).toMatchObject({ userId: 'admin', detail: { member: ERASED_REFERENCE, to: 'tutor', also: [ERASED_REFERENCE] } });
    expect(await accounts.getUser('admin')).toBeDefined();
    // An account that no longer exists is no error.
    await privacy.eraseUser({ id: 'ines', name: 'Inès' });
  });

  it('keeps sync tickets until taken once, even by concurrent takes, and forgets expired ones as new ones come', async () => {
    const { tickets } = stores;
    await tickets.put({ hash: 'h1', userId: 'u1', room: 'd1', expiresAt: 1000 }, 0);
    await tickets.put({ hash: 'h2', userId: 'u2', room: 'd1/review', expiresAt: 500 }, 0);
    const takes = await Promise.all([tickets.take('h1'), tickets.take('h1'), tickets.take('h1')]);
    expect(takes.filter((taken) => taken !== undefined)).toEqual([{ hash: 'h1', userId: 'u1', room: 'd1', expiresAt: 1000 }]);
    expect(await tickets.take('absent')).toBeUndefined();
    // Putting at 500 may forget h2, expired then; either way it is never returned after being forgotten.
    await tickets.put({ hash: 'h3', userId: 'u3', room: 'd2', expiresAt: 1500 }, 500);
    const late = await tickets.take('h2');
    expect(late === undefined || late.expiresAt === 500).toBe(true);
    expect(await tickets.take('h3')).toEqual({ hash: 'h3', userId: 'u3', room: 'd2', expiresAt: 1500 });
  });
});
