import { rm } from 'node:fs/promises';
import { reviewRoomOf } from '@canevas/core';
import { loadReferentials, openPostgresStores, openStores, silentLogger, type Stores } from '@canevas/sync-server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedDemo } from '../../apps/sync-server/src/cli/seedDemo.js';
import { newClient, newDataDir, newServer, runCanevas, waitFor } from '../helpers/index.js';
import { newPostgresDatabase, type TestDatabase } from '../helpers/postgresDatabase.js';

// `pnpm canevas migrate`: an embedded instance (real SQLite, as `serve --demo` seeds it, plus
// accounts, a submission, an audit entry and a quarantined document) copied into the run's
// throwaway PostgreSQL, then read back through the PostgreSQL stores.

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A stopped embedded instance: the demo documents and one of every other kind of record. */
async function demoInstance(): Promise<string> {
  const dataDir = await newDataDir();
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const stores = await openStores({ role: 'exclusive', dataDir, logger: silentLogger });
  try {
    const { registry } = await loadReferentials();
    expect(await seedDemo(stores.documents, registry)).toBeGreaterThan(2);
    const user = await stores.accounts.createUser({ id: 'u-awa', email: 'awa@exemple.fr', name: 'Awa', passwordHash: 'scrypt$sel$empreinte', isAdmin: true, createdAt: 10 });
    await stores.accounts.createUser({ id: 'u-ines', email: 'ines@exemple.fr', name: 'Inès', passwordHash: null, isAdmin: false, createdAt: 11 });
    await stores.accounts.createWorkspace({ id: 'w-atelier', name: 'Atelier', ownerId: user.id, createdAt: 12 });
    await stores.accounts.setMember('w-atelier', 'u-ines', 'tutor', 13);
    await stores.accounts.createApiToken({ id: 'k-script', tokenHash: 'empreinte-du-jeton', userId: 'u-awa', name: 'script', createdAt: 13, expiresAt: null });
    await stores.accounts.createInvitation({ id: 'i-attente', tokenHash: 'empreinte-invitation', workspaceId: 'w-atelier', role: 'editor', createdBy: 'u-awa', createdAt: 13, expiresAt: Date.now() + 86_400_000 });
    const [first] = await stores.documents.listDocuments();
    await stores.submissions.create({ id: 'sub-1', documentId: first!.id, name: 'Version remise', createdBy: 'Awa', createdAt: 14, state: (await stores.documents.loadDocument(first!.id))!.snapshot! });
    await stores.accounts.audit({ at: 15, userId: 'u-awa', action: 'document.open', documentId: first!.id, detail: { via: 'test' } });
    // Rows that no Yjs doc can apply, kept as they are under a quarantine record.
    await stores.documents.createDocument({ id: 'quarantaine-1', title: 'Abîmé', workspaceId: null, referentialId: null, templateId: null, createdAt: 16, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) });
    await stores.documents.appendUpdates([{ room: 'quarantaine-1', update: new Uint8Array([1, 2, 3, 250]) }]);
    await stores.documents.quarantine({ docId: 'quarantaine-1', room: 'quarantaine-1', reason: 'Unexpected end of array', quarantinedAt: 17 });
  } finally {
    await stores.close();
  }
  return dataDir;
}

async function newTarget(): Promise<TestDatabase> {
  const database = await newPostgresDatabase();
  cleanup.push(() => database.drop());
  return database;
}

async function openTarget(database: TestDatabase): Promise<Stores> {
  const stores = await openPostgresStores({ databaseUrl: database.url, role: 'command', logger: silentLogger });
  cleanup.push(() => stores.close());
  return stores;
}

/** Title, metadata and the text of both rooms of every document, as a reader sees them. */
async function readAll(stores: Stores): Promise<unknown[]> {
  const quarantined = new Set((await stores.documents.listQuarantined()).map((record) => record.docId));
  const documents = [];
  for (const document of await stores.documents.listDocuments()) {
    if (quarantined.has(document.id)) {
      documents.push({ ...document, rows: (await stores.documents.loadDocument(document.id))!.updates.map((row) => [...row.update]) });
      continue;
    }
    const rooms = [];
    for (const room of [document.id, reviewRoomOf(document.id)]) {
      const stored = await stores.documents.loadDocument(room);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
      rooms.push(doc.getXmlFragment('default').toString(), JSON.stringify(doc.getMap('evidence').toJSON()), [...Y.encodeStateVector(doc)]);
      doc.destroy();
    }
    documents.push({ ...document, rooms });
  }
  return documents;
}

async function readSource(dataDir: string): Promise<{ documents: unknown[]; users: unknown[]; audit: unknown[] }> {
  const stores = await openStores({ role: 'exclusive', dataDir, logger: silentLogger });
  try {
    return { documents: await readAll(stores), users: await stores.accounts.listUsers(), audit: await stores.accounts.listAudit({}) };
  } finally {
    await stores.close();
  }
}

describe('pnpm canevas migrate', () => {
  it('copies the demo instance into PostgreSQL, where the same documents read the same; a second run copies nothing more', async () => {
    const dataDir = await demoInstance();
    const database = await newTarget();
    const before = await readSource(dataDir);

    const run = await runCanevas(['migrate', '--from', dataDir, '--to', database.url]);
    expect(run.stderr).toContain('Documents :');
    expect(run.code).toBe(0);
    const documents = before.documents.length;
    expect(run.stdout).toContain(`${documents} documents copiés, ${documents} vérifiés sur ${documents}`);
    expect(run.stdout).toContain('2 utilisateurs copiés, 2 vérifiés sur 2');
    expect(run.stdout).toContain('1 dépôts copiés, 1 vérifiés sur 1');
    expect(run.stdout).toContain('1 jetons d’API copiés, 1 vérifiés sur 1');
    expect(run.stdout).toContain('1 invitations en attente copiées, 1 vérifiées sur 1');
    expect(run.stdout).toContain('Copie vérifiée');

    const target = await openTarget(database);
    expect(await readAll(target)).toEqual(before.documents);
    expect(await target.accounts.listUsers()).toEqual(before.users);
    expect((await target.accounts.findUserByEmail('awa@exemple.fr'))?.passwordHash).toBe('scrypt$sel$empreinte');
    expect((await target.accounts.listMembers('w-atelier')).map((member) => [member.user.id, member.role, member.since])).toEqual([
      ['u-awa', 'owner', 12],
      ['u-ines', 'tutor', 13],
    ]);
    expect(await target.accounts.listAudit({})).toEqual(before.audit);
    // The same secrets keep working: a script's token, a pending invitation's link.
    expect(await target.accounts.useApiToken('empreinte-du-jeton', Date.now())).toEqual({ id: 'k-script', userId: 'u-awa' });
    expect((await target.accounts.findInvitation('empreinte-invitation'))?.id).toBe('i-attente');
    expect((await target.submissions.get('sub-1'))?.name).toBe('Version remise');
    expect((await target.documents.loadDocument('quarantaine-1'))?.quarantined).toBe(true);

    const again = await runCanevas(['migrate', '--from', dataDir, '--to', database.url]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 documents copiés, ${documents} déjà présents, ${documents} vérifiés sur ${documents}`);
    expect(again.stdout).toContain('0 entrées du journal d’audit copiées, 1 déjà présentes');
    expect(await readAll(target)).toEqual(before.documents);
    expect(await target.accounts.listAudit({})).toEqual(before.audit);
    expect(await target.documents.countDocuments()).toBe(documents);
  });

  it('finishes a copy that was interrupted, without duplicating what it holds', async () => {
    const dataDir = await demoInstance();
    const database = await newTarget();
    const before = await readSource(dataDir);
    // As a run stopped midway leaves it: one user, one document created with only part of its
    // content (the first half of its updates), its review room not written yet.
    const source = await openStores({ role: 'exclusive', dataDir, logger: silentLogger });
    const [document] = (await source.documents.listDocuments()).filter((entry) => entry.id !== 'quarantaine-1');
    const content = new Y.Doc();
    Y.applyUpdate(content, (await source.documents.loadDocument(document!.id))!.snapshot!);
    await source.close();
    const partial = new Y.Doc();
    const fragment = content.getXmlFragment('default');
    partial.getXmlFragment('default').insert(0, [fragment.get(0).clone() as Y.XmlElement]);
    {
      const target = await openPostgresStores({ databaseUrl: database.url, role: 'command', logger: silentLogger });
      await target.accounts.createUser({ id: 'u-awa', email: 'awa@exemple.fr', name: 'Awa', passwordHash: 'scrypt$sel$empreinte', isAdmin: true, createdAt: 10 });
      await target.documents.createDocument({ ...document!, snapshot: Y.encodeStateAsUpdate(content) });
      await target.accounts.audit({ at: 15, userId: 'u-awa', action: 'document.open', documentId: (before.audit[0] as { documentId: string }).documentId, detail: { via: 'test' } });
      await target.close();
    }

    const run = await runCanevas(['migrate', '--from', dataDir, '--to', database.url]);
    expect(run.code).toBe(0);
    const documents = before.documents.length;
    expect(run.stdout).toContain(`${documents - 1} documents copiés, 1 déjà présents, ${documents} vérifiés sur ${documents}`);
    expect(run.stdout).toContain('1 utilisateurs copiés, 1 déjà présents, 2 vérifiés sur 2');
    const target = await openTarget(database);
    expect(await readAll(target)).toEqual(before.documents);
    expect(await target.accounts.listAudit({})).toEqual(before.audit);
  });

  it('refuses a source a server holds, a target of another instance, a bad URL and an unreachable server', async () => {
    const dataDir = await demoInstance();
    const database = await newTarget();

    const server = await openStores({ role: 'server', dataDir, logger: silentLogger });
    const busy = await runCanevas(['migrate', '--from', dataDir, '--to', database.url]);
    await server.close();
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('utilise déjà');

    const other = await openTarget(database);
    await other.documents.createDocument({ id: 'autre-instance', title: 'Ailleurs', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) });
    const foreign = await runCanevas(['migrate', '--from', dataDir, '--to', database.url]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('autre instance');
    expect(foreign.stderr).toContain('autre-instance');
    expect(await other.documents.countDocuments()).toBe(1);

    const badUrl = await runCanevas(['migrate', '--from', dataDir, '--to', 'mysql://localhost/canevas']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('postgres://');

    const unreachable = await runCanevas(['migrate', '--from', dataDir, '--to', 'postgres://canevas:secret@127.0.0.1:1/canevas']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('ne répond pas');
    expect(unreachable.stderr).not.toContain('secret');
  });

  it('a server on the PostgreSQL database serves a migrated document to a stock y-websocket client', async () => {
    const dataDir = await demoInstance();
    const database = await newTarget();
    expect((await runCanevas(['migrate', '--from', dataDir, '--to', database.url])).code).toBe(0);
    const before = await readSource(dataDir);
    // Not the quarantined one, which the server refuses as the source's did.
    const [document] = (before.documents as { id: string; rooms?: string[] }[]).filter((entry) => entry.rooms !== undefined);

    const server = await newServer({ databaseUrl: database.url });
    cleanup.push(() => server.close());
    // The demo documents belong to no workspace (as in the source): placed in one, as the first
    // administrator's sign-up would, that the test's administrator joins to open them.
    await server.stores.documents.placeUnassignedDocuments({ id: 'w-demo', name: 'Démo', createdAt: 1 });
    await server.accounts.setMember('w-demo', server.admin.userId, 'editor', Date.now());
    const client = newClient(server.syncUrl, document!.id);
    cleanup.push(async () => client.destroy());
    await client.synced;
    await waitFor(() => client.doc.getXmlFragment('default').toString() === document!.rooms![0]);
  });
});
