import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED_AUTHOR, ERASED_REFERENCE } from '../accounts/PrivacyStore.js';
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

  it('says in French that PostgreSQL is not there yet, and that a DATABASE_URL must be postgres://', async () => {
    await expect(openStores({ role: 'server', dataDir, databaseUrl: 'postgres://canevas@localhost/canevas' })).rejects.toThrow(/PostgreSQL.*pas encore/);
    await expect(openStores({ role: 'server', dataDir, databaseUrl: 'mysql://localhost/canevas' })).rejects.toBeInstanceOf(StoresUnavailableError);
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe('the SQLite stores', () => {
  it('places the documents without a workspace into one new workspace without members, once', async () => {
    const stores = await open('server');
    const owner = await stores.accounts.createUser({ id: 'u1', email: 'awa@exemple.fr', name: 'Awa', passwordHash: null, isAdmin: true, createdAt: 1 });
    await stores.accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: owner.id, createdAt: 1 });
    await newDocument(stores, 'a', null);
    await newDocument(stores, 'b', null);
    await newDocument(stores, 'c', 'w1');

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

  it('erases an account: submissions renamed, audit anonymised, sessions and memberships gone, others untouched', async () => {
    const stores = await open('server');
    const { accounts, submissions, privacy } = stores;
    await accounts.createUser({ id: 'admin', email: 'admin@exemple.fr', name: 'Admin', passwordHash: null, isAdmin: true, createdAt: 1 });
    await accounts.createUser({ id: 'ines', email: 'ines@exemple.fr', name: 'Inès', passwordHash: null, isAdmin: false, createdAt: 1 });
    await accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: 'admin', createdAt: 1 });
    await accounts.setMember('w1', 'ines', 'tutor', 2);
    await accounts.createSession({ tokenHash: 's-ines', userId: 'ines', createdAt: 1, expiresAt: 100 });
    await newDocument(stores, 'd1', 'w1');
    await submissions.create({ id: 's1', documentId: 'd1', name: 'Version 1', createdBy: 'Inès', createdAt: 5, state: emptyState() });
    await submissions.create({ id: 's2', documentId: 'd1', name: 'Version 2', createdBy: 'Admin', createdAt: 6, state: emptyState() });
    await accounts.audit({ at: 3, userId: 'ines', action: 'document.open', documentId: 'd1' });
    await accounts.audit({ at: 4, userId: 'admin', action: 'member.role_changed', workspaceId: 'w1', detail: { member: 'ines', to: 'tutor' } });
    expect((await submissions.listByAuthor('Inès')).map((submission) => submission.id)).toEqual(['s1']);

    await privacy.eraseUser({ id: 'ines', name: 'Inès' });

    expect(await accounts.getUser('ines')).toBeUndefined();
    expect(await accounts.findSession('s-ines', 0)).toBeUndefined();
    expect((await accounts.listMembers('w1')).map((member) => member.user.id)).toEqual(['admin']);
    expect(await submissions.listByAuthor('Inès')).toEqual([]);
    expect((await submissions.list('d1')).map((submission) => [submission.id, submission.createdBy])).toEqual([['s2', 'Admin'], ['s1', ERASED_AUTHOR]]);
    const audit = await accounts.listAudit({ documentId: 'd1' });
    expect(audit.map((entry) => [entry.action, entry.userId])).toEqual([['document.open', null]]);
    const [roleChange] = await accounts.listAudit({ workspaceId: 'w1' });
    expect(roleChange).toMatchObject({ userId: 'admin', detail: { member: ERASED_REFERENCE, to: 'tutor' } });
    expect(await accounts.getUser('admin')).toBeDefined();
  });

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
