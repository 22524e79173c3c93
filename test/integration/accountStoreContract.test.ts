import { DuplicateEmailError, QuotaExceededError, type AccountStore, type AuditEntry, type AuditFilter } from '@canevas/sync-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type OpenedStores } from '../helpers/storeEngines.js';

// The AccountStore contract, for each engine (these cases were SqliteAccountStore.test.ts).

describe.each(STORE_ENGINES)('AccountStore contract: $name', (engine) => {
  let opened: OpenedStores;
  let accounts: AccountStore;
  beforeEach(async () => {
    opened = await engine.open();
    accounts = opened.stores.accounts;
  });
  afterEach(async () => {
    await opened.dispose();
  });
  afterAll(() => engine.cleanup());

  async function user(id: string, email = `${id}@exemple.fr`, name = id) {
    return accounts.createUser({ id, email, name, passwordHash: 'scrypt$…', isAdmin: false, createdAt: 1 });
  }

  async function invitation(id: string, role: 'owner' | 'editor' | 'tutor' | 'viewer' = 'editor', expiresAt = 50) {
    return accounts.createInvitation({ id, tokenHash: `hash-${id}`, workspaceId: 'w1', role, createdBy: 'owner', createdAt: 1, expiresAt });
  }

  it('stores emails lower-cased and refuses a second account for one email', async () => {
    const created = await accounts.createUser({ id: 'u1', email: ' Awa.Diallo@Exemple.FR ', name: 'Awa', passwordHash: 'h', isAdmin: true, createdAt: 1 });
    expect(created).toEqual({ id: 'u1', email: 'awa.diallo@exemple.fr', name: 'Awa', isAdmin: true, createdAt: 1 });
    expect(await accounts.findUserByEmail('AWA.diallo@exemple.fr ')).toEqual({ ...created, passwordHash: 'h' });
    await expect(user('u2', 'AWA.DIALLO@exemple.fr')).rejects.toBeInstanceOf(DuplicateEmailError);
    expect(await accounts.countUsers()).toBe(1);
    expect(await accounts.getUser('u1')).toEqual(created);
    expect(await accounts.getUser('u2')).toBeUndefined();
  });

  it('lists users by email, changes a password and a display name', async () => {
    await user('u1', 'zoe@exemple.fr');
    await user('u2', 'awa@exemple.fr');
    await user('u3', 'Bastien@exemple.fr');
    expect((await accounts.listUsers()).map((entry) => entry.email)).toEqual(['awa@exemple.fr', 'bastien@exemple.fr', 'zoe@exemple.fr']);
    await accounts.setPasswordHash('u1', 'scrypt$new');
    expect((await accounts.findUserByEmail('zoe@exemple.fr'))?.passwordHash).toBe('scrypt$new');
    expect(await accounts.renameUser('u1', 'Zoé Martin')).toBe(true);
    expect(await accounts.renameUser('absent', 'x')).toBe(false);
    expect((await accounts.getUser('u1'))?.name).toBe('Zoé Martin');
  });

  it('finds sessions until they expire, and drops them one by one or with their user', async () => {
    await user('u1');
    await accounts.createSession({ tokenHash: 's1', userId: 'u1', createdAt: 0, expiresAt: 100 });
    await accounts.createSession({ tokenHash: 's2', userId: 'u1', createdAt: 0, expiresAt: 100 });
    expect(await accounts.findSession('s1', 99)).toEqual({ userId: 'u1', expiresAt: 100 });
    expect(await accounts.findSession('s1', 100)).toBeUndefined();
    await accounts.deleteSession('s2');
    expect(await accounts.findSession('s2', 0)).toBeUndefined();
    await accounts.deleteSessionsOf('u1');
    expect(await accounts.findSession('s1', 0)).toBeUndefined();
  });

  it('keeps the provider’s ID token of a single sign-on session and gives it back when the session ends', async () => {
    await user('u1');
    await accounts.createSession({ tokenHash: 'sso', userId: 'u1', createdAt: 0, expiresAt: 100, idToken: 'eyJ.id.token' });
    await accounts.createSession({ tokenHash: 'pw', userId: 'u1', createdAt: 0, expiresAt: 100 });
    expect(await accounts.findSession('sso', 1)).toEqual({ userId: 'u1', expiresAt: 100 });
    expect(await accounts.deleteSession('sso')).toEqual({ idToken: 'eyJ.id.token' });
    expect(await accounts.deleteSession('pw')).toEqual({ idToken: null });
    expect(await accounts.deleteSession('pw')).toBeUndefined();
  });

  it('links a provider identity to one account only, and forgets it with the account', async () => {
    const awa = await user('u1', 'awa@exemple.fr');
    await user('u2');
    expect(await accounts.findUserByIdentity('https://idp', 'sub-1')).toBeUndefined();
    expect(await accounts.linkIdentity({ issuer: 'https://idp', subject: 'sub-1', userId: 'u1', createdAt: 5 })).toBe(true);
    expect(await accounts.linkIdentity({ issuer: 'https://idp', subject: 'sub-1', userId: 'u2', createdAt: 6 })).toBe(false);
    expect(await accounts.linkIdentity({ issuer: 'https://idp', subject: 'sub-1', userId: 'u1', createdAt: 6 })).toBe(false);
    // Another provider may use the same subject for someone else.
    expect(await accounts.linkIdentity({ issuer: 'https://other', subject: 'sub-1', userId: 'u2', createdAt: 6 })).toBe(true);
    expect(await accounts.findUserByIdentity('https://idp', 'sub-1')).toEqual(awa);
    expect((await accounts.findUserByIdentity('https://other', 'sub-1'))?.id).toBe('u2');
    await opened.stores.privacy.eraseUser({ id: 'u1', name: awa.name });
    expect(await accounts.findUserByIdentity('https://idp', 'sub-1')).toBeUndefined();
  });

  it('makes the creator owner of a new workspace and manages roles', async () => {
    await user('owner');
    await user('tutor');
    expect(await accounts.createWorkspace({ id: 'w1', name: 'Dossier de Léa', ownerId: 'owner', createdAt: 1 })).toEqual({ id: 'w1', name: 'Dossier de Léa', createdAt: 1 });
    expect(await accounts.getWorkspace('w1')).toEqual({ id: 'w1', name: 'Dossier de Léa', createdAt: 1 });
    expect(await accounts.getRole('w1', 'owner')).toBe('owner');
    await accounts.setMember('w1', 'tutor', 'tutor', 2);
    await accounts.setMember('w1', 'tutor', 'viewer', 3);
    expect((await accounts.listMembers('w1')).map((m) => [m.user.id, m.role, m.since])).toEqual([
      ['owner', 'owner', 1],
      ['tutor', 'viewer', 2],
    ]);
    expect(await accounts.removeMember('w1', 'tutor')).toBe(true);
    expect(await accounts.removeMember('w1', 'tutor')).toBe(false);
    expect(await accounts.getRole('w1', 'tutor')).toBeUndefined();
    expect((await accounts.listWorkspacesOf('owner')).map((entry) => entry.role)).toEqual(['owner']);
    expect(await accounts.renameWorkspace('w1', 'Mémoire de Léa')).toBe(true);
    expect(await accounts.renameWorkspace('absent', 'x')).toBe(false);
    expect((await accounts.getWorkspace('w1'))?.name).toBe('Mémoire de Léa');
  });

  it('lists a user\'s workspaces by name, ignoring case, and members by name', async () => {
    await user('owner', 'owner@exemple.fr', 'Zoé');
    await user('awa', 'awa@exemple.fr', 'awa');
    await user('bea', 'bea@exemple.fr', 'Béatrice');
    for (const [id, name] of [['w1', 'budget'], ['w2', 'Action'], ['w3', 'Communication']] as const) {
      await accounts.createWorkspace({ id, name, ownerId: 'owner', createdAt: 1 });
    }
    expect((await accounts.listWorkspacesOf('owner')).map((entry) => entry.workspace.name)).toEqual(['Action', 'budget', 'Communication']);
    await accounts.setMember('w1', 'bea', 'editor', 2);
    await accounts.setMember('w1', 'awa', 'viewer', 3);
    expect((await accounts.listMembers('w1')).map((m) => m.user.name)).toEqual(['awa', 'Béatrice', 'Zoé']);
  });

  it('keeps orphan workspaces (the demo) apart until someone joins', async () => {
    await user('admin');
    expect(await accounts.createOrphanWorkspace({ id: 'demo', name: 'Démo', createdAt: 5 })).toEqual({ id: 'demo', name: 'Démo', createdAt: 5 });
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'admin', createdAt: 6 });
    expect(await accounts.listOrphanWorkspaces()).toEqual([{ id: 'demo', name: 'Démo', createdAt: 5 }]);
    await accounts.setMember('demo', 'admin', 'owner', 7);
    expect(await accounts.listOrphanWorkspaces()).toEqual([]);
  });

  it('refuses a workspace past the owner\'s quota, counted in the creating transaction, even when created at once', async () => {
    await user('owner');
    await accounts.createWorkspace({ id: 'w0', name: 'Premier', ownerId: 'owner', createdAt: 1 }, { maxOwnedPerUser: 3 });
    const attempts = await Promise.allSettled(
      ['w1', 'w2', 'w3', 'w4'].map((id) => accounts.createWorkspace({ id, name: id, ownerId: 'owner', createdAt: 1 }, { maxOwnedPerUser: 3 })),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(2);
    const refused = attempts.find((attempt) => attempt.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(QuotaExceededError);
    expect(refused.reason).toMatchObject({ quota: 'workspaces', limit: 3 });
    expect(await accounts.listWorkspacesOf('owner')).toHaveLength(3);
  });

  it('keeps an owner: refuses to demote or remove the last one, in one transaction', async () => {
    await user('owner');
    await user('second');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    expect(await accounts.changeMemberKeepingOwner('w1', 'second', 'viewer')).toEqual({ ok: false, reason: 'not_member' });
    expect(await accounts.changeMemberKeepingOwner('w1', 'owner', 'editor')).toEqual({ ok: false, reason: 'last_owner' });
    expect(await accounts.changeMemberKeepingOwner('w1', 'owner', null)).toEqual({ ok: false, reason: 'last_owner' });
    expect(await accounts.getRole('w1', 'owner')).toBe('owner');
    await accounts.setMember('w1', 'second', 'owner', 2);
    expect(await accounts.changeMemberKeepingOwner('w1', 'owner', 'editor')).toEqual({ ok: true, before: 'owner' });
    expect(await accounts.changeMemberKeepingOwner('w1', 'owner', null)).toEqual({ ok: true, before: 'editor' });
    expect(await accounts.getRole('w1', 'owner')).toBeUndefined();
  });

  it('leaves an owner when two owners demote each other at once', async () => {
    await user('a');
    await user('b');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'a', createdAt: 1 });
    await accounts.setMember('w1', 'b', 'owner', 2);
    const results = await Promise.all([accounts.changeMemberKeepingOwner('w1', 'a', 'editor'), accounts.changeMemberKeepingOwner('w1', 'b', null)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'last_owner' }]);
    expect((await accounts.listMembers('w1')).filter((member) => member.role === 'owner')).toHaveLength(1);
  });

  it('accepts an invitation once, before expiry, keeping a higher current role', async () => {
    await user('owner');
    await user('guest');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    const first = await invitation('i1', 'tutor');
    expect(first).toEqual({ id: 'i1', workspaceId: 'w1', role: 'tutor', createdBy: 'owner', createdAt: 1, expiresAt: 50, acceptedBy: null, acceptedAt: null, revokedAt: null });
    expect(await accounts.findInvitation('hash-i1')).toEqual(first);
    expect(await accounts.acceptInvitation('i1', 'guest', 10)).toBe(true);
    expect(await accounts.acceptInvitation('i1', 'guest', 11)).toBe(false);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');
    expect(await accounts.findInvitation('hash-i1')).toMatchObject({ acceptedBy: 'guest', acceptedAt: 10 });

    await invitation('i2', 'viewer');
    expect(await accounts.acceptInvitation('i2', 'guest', 12)).toBe(true);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');

    await invitation('i3', 'editor');
    expect(await accounts.acceptInvitation('i3', 'guest', 50)).toBe(false);
    await invitation('i4', 'editor');
    expect(await accounts.revokeInvitation('w1', 'i4', 5)).toBe(true);
    expect(await accounts.revokeInvitation('w1', 'i4', 6)).toBe(false);
    expect(await accounts.acceptInvitation('i4', 'guest', 6)).toBe(false);
    expect(await accounts.getRole('w1', 'guest')).toBe('tutor');

    await invitation('i5', 'editor');
    expect(await accounts.acceptInvitation('i5', 'guest', 13)).toBe(true);
    expect(await accounts.getRole('w1', 'guest')).toBe('editor');
    expect((await accounts.listInvitations('w1')).map((entry) => entry.id).sort()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(await accounts.listInvitations('w2')).toEqual([]);
  });

  it('lets only one of two concurrent acceptances of one invitation through', async () => {
    await user('owner');
    await user('a');
    await user('b');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    await invitation('i1', 'editor');
    const results = await Promise.all([accounts.acceptInvitation('i1', 'a', 10), accounts.acceptInvitation('i1', 'b', 10)]);
    expect(results.sort()).toEqual([false, true]);
    expect((await accounts.listMembers('w1')).map((member) => member.user.id).sort()).toHaveLength(2);
  });

  it('creates an invited account with its membership, once, atomically', async () => {
    await user('owner');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    await invitation('i1', 'tutor');
    const newcomer = { id: 'n1', email: 'Lea@Exemple.fr', name: 'Léa', passwordHash: 'scrypt$l', createdAt: 10 };
    expect(await accounts.createInvitedUser(newcomer, 'i1')).toEqual({ id: 'n1', email: 'lea@exemple.fr', name: 'Léa', isAdmin: false, createdAt: 10 });
    expect(await accounts.getRole('w1', 'n1')).toBe('tutor');
    expect(await accounts.findInvitation('hash-i1')).toMatchObject({ acceptedBy: 'n1', acceptedAt: 10 });
    // Used: nothing is created.
    expect(await accounts.createInvitedUser({ ...newcomer, id: 'n2', email: 'other@exemple.fr' }, 'i1')).toBeUndefined();
    expect(await accounts.getUser('n2')).toBeUndefined();
    // Expired or unknown: nothing either.
    await invitation('i2', 'editor', 20);
    expect(await accounts.createInvitedUser({ ...newcomer, id: 'n3', email: 'late@exemple.fr', createdAt: 20 }, 'i2')).toBeUndefined();
    expect(await accounts.createInvitedUser({ ...newcomer, id: 'n4', email: 'x@exemple.fr' }, 'absent')).toBeUndefined();
    expect(await accounts.countUsers()).toBe(2);
  });

  it('refuses an invited account whose email exists, and leaves the invitation usable', async () => {
    await user('owner');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    await invitation('i1', 'editor');
    await expect(accounts.createInvitedUser({ id: 'n1', email: 'OWNER@exemple.fr', name: 'x', passwordHash: 'h', createdAt: 10 }, 'i1')).rejects.toBeInstanceOf(DuplicateEmailError);
    expect(await accounts.findInvitation('hash-i1')).toMatchObject({ acceptedBy: null, acceptedAt: null });
    expect(await accounts.getUser('n1')).toBeUndefined();
    expect(await accounts.createInvitedUser({ id: 'n1', email: 'new@exemple.fr', name: 'x', passwordHash: 'h', createdAt: 10 }, 'i1')).toBeDefined();
  });

  it('creates one account from two concurrent sign-ups with one invitation', async () => {
    await user('owner');
    await accounts.createWorkspace({ id: 'w1', name: 'Projet', ownerId: 'owner', createdAt: 1 });
    await invitation('i1', 'editor');
    const results = await Promise.all(
      ['a', 'b'].map((id) => accounts.createInvitedUser({ id, email: `${id}@exemple.fr`, name: id, passwordHash: 'h', createdAt: 10 }, 'i1')),
    );
    expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    expect(await accounts.countUsers()).toBe(2);
  });

  it('finds API tokens until expiry, records their use, and revokes them (any of them, for an administrator)', async () => {
    await user('u1');
    await user('u2');
    await accounts.createApiToken({ id: 'k1', tokenHash: 'th', userId: 'u1', name: 'script', createdAt: 1, expiresAt: 100 });
    await accounts.createApiToken({ id: 'k2', tokenHash: 'th2', userId: 'u1', name: 'forever', createdAt: 2, expiresAt: null });
    expect(await accounts.useApiToken('th', 42)).toEqual({ id: 'k1', userId: 'u1' });
    expect((await accounts.listApiTokens('u1'))[0]).toEqual({ id: 'k1', userId: 'u1', name: 'script', createdAt: 1, expiresAt: 100, lastUsedAt: 42 });
    expect(await accounts.useApiToken('th', 100)).toBeUndefined();
    expect(await accounts.useApiToken('th2', 10 ** 12)).toEqual({ id: 'k2', userId: 'u1' });
    expect(await accounts.getApiToken('k2')).toEqual({ id: 'k2', userId: 'u1', name: 'forever', createdAt: 2, expiresAt: null, lastUsedAt: 10 ** 12 });
    expect(await accounts.revokeApiToken('u2', 'k1')).toBe(false);
    expect(await accounts.revokeApiToken('u1', 'k1')).toBe(true);
    expect(await accounts.revokeApiToken(null, 'k2')).toBe(true);
    expect(await accounts.listApiTokens('u1')).toEqual([]);
    expect(await accounts.getApiToken('k2')).toBeUndefined();
  });

  it('gives the stored hash of an API token or an invitation by id (for migrate), nothing for another id', async () => {
    await user('owner');
    await accounts.createWorkspace({ id: 'w1', name: 'Atelier', ownerId: 'owner', createdAt: 1 });
    await accounts.createApiToken({ id: 'k1', tokenHash: 'th', userId: 'owner', name: 'script', createdAt: 1, expiresAt: null });
    await invitation('i1');
    expect(await accounts.credentialHash('apiToken', 'k1')).toBe('th');
    expect(await accounts.credentialHash('invitation', 'i1')).toBe('hash-i1');
    expect(await accounts.credentialHash('apiToken', 'i1')).toBeUndefined();
    expect(await accounts.credentialHash('invitation', 'absent')).toBeUndefined();
  });

  it('keeps an audit trail, newest first, filtered and limited', async () => {
    await accounts.audit({ at: 1, userId: 'u1', action: 'document.open', documentId: 'd1' });
    await accounts.audit({ at: 2, userId: 'u2', action: 'document.open', documentId: 'd1', detail: { role: 'tutor' } });
    await accounts.audit({ at: 3, userId: 'u2', action: 'document.open', documentId: 'd2', workspaceId: 'w1' });
    await accounts.audit({ at: 4, userId: null, action: 'auth.login_failed' });
    expect(await accounts.listAudit({ documentId: 'd1' })).toEqual([
      { at: 2, userId: 'u2', action: 'document.open', workspaceId: null, documentId: 'd1', detail: { role: 'tutor' } },
      { at: 1, userId: 'u1', action: 'document.open', workspaceId: null, documentId: 'd1' },
    ]);
    expect((await accounts.listAudit({ userId: 'u2', workspaceId: 'w1' })).map((entry) => entry.at)).toEqual([3]);
    expect((await accounts.listAudit({})).map((entry) => entry.at)).toEqual([4, 3, 2, 1]);
    expect((await accounts.listAudit({ limit: 2 })).map((entry) => entry.at)).toEqual([4, 3]);
  });

  async function readAll(filter: AuditFilter, pageSize?: number): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const entry of accounts.readAudit(filter, pageSize === undefined ? {} : { pageSize })) entries.push(entry);
    return entries;
  }

  it('reads the whole audit log oldest first, page after page, each entry once', async () => {
    expect(await readAll({}, 3)).toEqual([]);
    for (let at = 1; at <= 10; at++) await accounts.audit({ at, userId: `u${at % 2}`, action: 'document.open', documentId: `d${at % 3}`, ...(at === 7 && { detail: { role: 'tutor' } }) });
    // 10 entries: three full pages and a short one; then 9: the last page is full, and empty after it.
    expect((await readAll({}, 3)).map((entry) => entry.at)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await readAll({ userId: 'u1' }, 3)).map((entry) => entry.at)).toEqual([1, 3, 5, 7, 9]);
    expect((await readAll({}, 1)).map((entry) => entry.at)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await readAll({}, 10)).map((entry) => entry.at)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await readAll({}))).toEqual([...(await accounts.listAudit({}))].reverse());
    expect((await readAll({}, 3))[6]).toEqual({ at: 7, userId: 'u1', action: 'document.open', workspaceId: null, documentId: 'd1', detail: { role: 'tutor' } });
    // Out-of-range page sizes are clamped, not refused.
    expect((await readAll({}, 0)).map((entry) => entry.at)).toHaveLength(10);
  });

  it('reads the audit log in the order of the audit calls, not of their times, with the filters combined', async () => {
    await accounts.audit({ at: 30, userId: 'u1', action: 'document.open', documentId: 'd1', workspaceId: 'w1' });
    await accounts.audit({ at: 10, userId: 'u1', action: 'document.open', documentId: 'd2', workspaceId: 'w1' });
    await accounts.audit({ at: 20, userId: 'u2', action: 'document.open', documentId: 'd1', workspaceId: 'w1' });
    await accounts.audit({ at: 40, userId: 'u1', action: 'document.open', documentId: 'd1', workspaceId: 'w2' });
    await accounts.audit({ at: 50, userId: 'u1', action: 'document.open', documentId: 'd1', workspaceId: 'w1' });
    expect((await readAll({}, 2)).map((entry) => entry.at)).toEqual([30, 10, 20, 40, 50]);
    expect((await readAll({ userId: 'u1', documentId: 'd1', workspaceId: 'w1' }, 1)).map((entry) => entry.at)).toEqual([30, 50]);
    expect((await readAll({ documentId: 'd1' }, 2)).map((entry) => entry.at)).toEqual([30, 20, 40, 50]);
    expect(await readAll({ userId: 'absent' }, 2)).toEqual([]);
  });
});
