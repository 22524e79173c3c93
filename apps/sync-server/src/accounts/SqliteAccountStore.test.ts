import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { DuplicateEmailError } from './AccountStore.js';
import { SqliteAccountStore } from './SqliteAccountStore.js';

let dir: string;
let documents: SqliteDocumentStore;
let accounts: SqliteAccountStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'canevas-accounts-'));
  documents = new SqliteDocumentStore({ file: join(dir, 'canevas.sqlite') });
  accounts = new SqliteAccountStore(documents.database);
});

afterEach(async () => {
  await documents.close();
  rmSync(dir, { recursive: true, force: true });
});

async function user(id: string, email = `${id}@exemple.fr`) {
  return accounts.createUser({ id, email, name: id, passwordHash: 'scrypt$…', isAdmin: false, createdAt: 1 });
}

describe('SqliteAccountStore', () => {
  it('stores emails lower-cased and refuses a second account for one email', async () => {
    await accounts.createUser({ id: 'u1', email: ' Awa.Diallo@Exemple.FR ', name: 'Awa', passwordHash: 'h', isAdmin: true, createdAt: 1 });
    expect((await accounts.findUserByEmail('awa.diallo@exemple.fr'))?.passwordHash).toBe('h');
    await expect(user('u2', 'AWA.DIALLO@exemple.fr')).rejects.toBeInstanceOf(DuplicateEmailError);
    expect(await accounts.countUsers()).toBe(1);
  });

  it('finds sessions until they expire, and drops them with their user', async () => {
    await user('u1');
    await accounts.createSession({ tokenHash: 's1', userId: 'u1', createdAt: 0, expiresAt: 100 });
    expect(await accounts.findSession('s1', 99)).toEqual({ userId: 'u1', expiresAt: 100 });
    expect(await accounts.findSession('s1', 100)).toBeUndefined();
    await accounts.deleteSessionsOf('u1');
    expect(await accounts.findSession('s1', 0)).toBeUndefined();
  });

  it('makes the creator owner of a new workspace and manages roles', async () => {
    await user('owner');
    await user('tutor');
    await accounts.createWorkspace({ id: 'w1', name: 'Dossier de Léa', ownerId: 'owner', createdAt: 1 });
    expect(await accounts.getRole('w1', 'owner')).toBe('owner');
    await accounts.setMember('w1', 'tutor', 'tutor', 2);
    await accounts.setMember('w1', 'tutor', 'viewer', 3);
    expect((await accounts.listMembers('w1')).map((m) => [m.user.id, m.role])).toEqual([
      ['owner', 'owner'],
      ['tutor', 'viewer'],
    ]);
    expect(await accounts.removeMember('w1', 'tutor')).toBe(true);
    expect(await accounts.getRole('w1', 'tutor')).toBeUndefined();
    expect((await accounts.listWorkspacesOf('owner')).map((entry) => entry.role)).toEqual(['owner']);
  });

  it('accepts an invitation once, before expiry, keeping a higher current role', async () => {
    await user('owner');
    await user('guest');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    const invitation = await accounts.createInvitation({ id: 'i1', tokenHash: 'h1', workspaceId: 'w1', role: 'tutor', createdBy: 'owner', createdAt: 1, expiresAt: 50 });
    expect(await accounts.findInvitation('h1')).toEqual(invitation);
    expect(await accounts.acceptInvitation('i1', 'guest', 10)).toBe(true);
    expect(await accounts.acceptInvitation('i1', 'guest', 11)).toBe(false);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');

    await accounts.createInvitation({ id: 'i2', tokenHash: 'h2', workspaceId: 'w1', role: 'viewer', createdBy: 'owner', createdAt: 1, expiresAt: 50 });
    expect(await accounts.acceptInvitation('i2', 'guest', 12)).toBe(true);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');

    await accounts.createInvitation({ id: 'i3', tokenHash: 'h3', workspaceId: 'w1', role: 'editor', createdBy: 'owner', createdAt: 1, expiresAt: 50 });
    expect(await accounts.acceptInvitation('i3', 'guest', 50)).toBe(false);
    await accounts.createInvitation({ id: 'i4', tokenHash: 'h4', workspaceId: 'w1', role: 'editor', createdBy: 'owner', createdAt: 1, expiresAt: 50 });
    expect(await accounts.revokeInvitation('w1', 'i4', 5)).toBe(true);
    expect(await accounts.acceptInvitation('i4', 'guest', 6)).toBe(false);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');
  });

  it('finds API tokens until expiry and records their use', async () => {
    await user('u1');
    await accounts.createApiToken({ id: 'k1', tokenHash: 'th', userId: 'u1', name: 'script', createdAt: 1, expiresAt: 100 });
    expect(await accounts.useApiToken('th', 42)).toEqual({ id: 'k1', userId: 'u1' });
    expect((await accounts.listApiTokens('u1'))[0]?.lastUsedAt).toBe(42);
    expect(await accounts.useApiToken('th', 100)).toBeUndefined();
    expect(await accounts.revokeApiToken('u1', 'k1')).toBe(true);
  });

  it('keeps an audit trail, newest first, filtered by document', async () => {
    await accounts.audit({ at: 1, userId: 'u1', action: 'document.open', documentId: 'd1' });
    await accounts.audit({ at: 2, userId: 'u2', action: 'document.open', documentId: 'd1', detail: { role: 'tutor' } });
    await accounts.audit({ at: 3, userId: 'u2', action: 'document.open', documentId: 'd2' });
    expect(await accounts.listAudit({ documentId: 'd1' })).toEqual([
      { at: 2, userId: 'u2', action: 'document.open', workspaceId: null, documentId: 'd1', detail: { role: 'tutor' } },
      { at: 1, userId: 'u1', action: 'document.open', workspaceId: null, documentId: 'd1' },
    ]);
  });
});
