import type { AccountStore, Stores } from '@canevas/sync-server';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type OpenedStores } from '../helpers/storeEngines.js';

// The mail outbox and password resets, for each engine: what the worker and the services rely on.

describe.each(STORE_ENGINES)('mail outbox and password resets: $name', (engine) => {
  let opened: OpenedStores;
  let stores: Stores;
  let accounts: AccountStore;
  beforeEach(async () => {
    opened = await engine.open();
    stores = opened.stores;
    accounts = stores.accounts;
  });
  afterEach(async () => {
    await opened.dispose();
  });
  afterAll(() => engine.cleanup());

  const mail = (id: string, createdAt = 10) => ({ id, to: `${id}@exemple.fr`, subject: `Sujet ${id}`, text: 'texte', html: '<p>html</p>', createdAt });

  it('hands each due message to one claimer until its lease ends, oldest first', async () => {
    await stores.mailOutbox.enqueue(mail('b', 20));
    await stores.mailOutbox.enqueue(mail('a', 10));
    await stores.mailOutbox.enqueue(mail('later', 500));
    const first = await stores.mailOutbox.claimDue(100, { limit: 10, leaseMs: 50 });
    expect(first.map((message) => message.id)).toEqual(['a', 'b']);
    expect(first[0]).toEqual({ ...mail('a', 10), attempts: 0, lastError: null });
    // Leased: nobody else gets them before the lease ends; then they are due again.
    expect(await stores.mailOutbox.claimDue(149, { limit: 10, leaseMs: 50 })).toEqual([]);
    expect((await stores.mailOutbox.claimDue(150, { limit: 1, leaseMs: 50 })).map((message) => message.id)).toEqual(['a']);
    expect(await stores.mailOutbox.stats()).toEqual({ waiting: 3, failing: 0, oldestAt: 10 });
  });

  it('frees leases at a start where no other worker can hold one (SQLite), keeps them where other instances may (PostgreSQL)', async () => {
    await stores.mailOutbox.enqueue(mail('a'));
    expect(await stores.mailOutbox.claimDue(100, { limit: 10, leaseMs: 1000 })).toHaveLength(1);
    await stores.mailOutbox.releaseStaleLeases();
    expect(await stores.mailOutbox.claimDue(101, { limit: 10, leaseMs: 1000 })).toHaveLength(engine.name === 'sqlite' ? 1 : 0);
  });

  it('schedules a failed message again with its error, and forgets a sent one', async () => {
    await stores.mailOutbox.enqueue(mail('a'));
    await stores.mailOutbox.claimDue(10, { limit: 10, leaseMs: 1000 });
    await stores.mailOutbox.markFailed('a', { error: 'connect ECONNREFUSED', nextAttemptAt: 300 });
    expect(await stores.mailOutbox.claimDue(299, { limit: 10, leaseMs: 1000 })).toEqual([]);
    const [again] = await stores.mailOutbox.claimDue(300, { limit: 10, leaseMs: 1000 });
    expect(again).toMatchObject({ id: 'a', attempts: 1, lastError: 'connect ECONNREFUSED' });
    expect(await stores.mailOutbox.stats()).toEqual({ waiting: 1, failing: 1, oldestAt: 10 });
    await stores.mailOutbox.markSent('a');
    expect(await stores.mailOutbox.claimDue(10_000, { limit: 10, leaseMs: 1000 })).toEqual([]);
    expect(await stores.mailOutbox.stats()).toEqual({ waiting: 0, failing: 0, oldestAt: null });
  });

  it('writes a reset and its message together; the reset works once, before it expires, and ends the sessions', async () => {
    await accounts.createUser({ id: 'u1', email: 'awa@exemple.fr', name: 'Awa', passwordHash: 'old', isAdmin: false, createdAt: 1 });
    await accounts.createSession({ tokenHash: 's1', userId: 'u1', createdAt: 1, expiresAt: 10_000 });
    await accounts.createPasswordReset({ tokenHash: 'r1', userId: 'u1', createdAt: 10, expiresAt: 100 }, mail('reset-1'));
    await accounts.createPasswordReset({ tokenHash: 'r2', userId: 'u1', createdAt: 20, expiresAt: 120 }, mail('reset-2'));
    expect((await stores.mailOutbox.claimDue(50, { limit: 10, leaseMs: 1 })).map((message) => message.id)).toEqual(['reset-1', 'reset-2']);
    expect(await accounts.consumePasswordReset('r1', 100, 'new')).toBeUndefined();
    expect(await accounts.consumePasswordReset('unknown', 50, 'new')).toBeUndefined();
    expect(await accounts.consumePasswordReset('r1', 99, 'new')).toMatchObject({ id: 'u1', email: 'awa@exemple.fr' });
    expect((await accounts.findUserByEmail('awa@exemple.fr'))?.passwordHash).toBe('new');
    expect(await accounts.findSession('s1', 50)).toBeUndefined();
    // Single-use, and the other link of the same account is spent with it.
    expect(await accounts.consumePasswordReset('r1', 99, 'again')).toBeUndefined();
    expect(await accounts.consumePasswordReset('r2', 99, 'again')).toBeUndefined();
    expect((await accounts.findUserByEmail('awa@exemple.fr'))?.passwordHash).toBe('new');
  });

  it('lets one of two concurrent uses of one reset link through', async () => {
    await accounts.createUser({ id: 'u1', email: 'awa@exemple.fr', name: 'Awa', passwordHash: 'old', isAdmin: false, createdAt: 1 });
    await accounts.createPasswordReset({ tokenHash: 'r1', userId: 'u1', createdAt: 10, expiresAt: 100 }, mail('reset-1'));
    const outcomes = await Promise.all([accounts.consumePasswordReset('r1', 50, 'one'), accounts.consumePasswordReset('r1', 50, 'two')]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  it('writes nothing of a reset or an invitation whose transaction fails', async () => {
    // No such user: the reset's foreign key fails, and its message must not stay behind.
    await expect(accounts.createPasswordReset({ tokenHash: 'r1', userId: 'nobody', createdAt: 10, expiresAt: 100 }, mail('orphan'))).rejects.toThrow();
    await accounts.createUser({ id: 'owner', email: 'owner@exemple.fr', name: 'Owner', passwordHash: null, isAdmin: false, createdAt: 1 });
    await accounts.createWorkspace({ id: 'w1', name: 'Espace', ownerId: 'owner', createdAt: 1 });
    const invitation = { id: 'i1', tokenHash: 'hash-i1', workspaceId: 'w1', role: 'editor' as const, createdBy: 'owner', createdAt: 1, expiresAt: 50 };
    await accounts.createInvitation(invitation, mail('invitation-1'));
    // The same token hash again: refused, and its message with it.
    await expect(accounts.createInvitation({ ...invitation, id: 'i2' }, mail('invitation-2'))).rejects.toThrow();
    expect((await stores.mailOutbox.claimDue(1000, { limit: 10, leaseMs: 1 })).map((message) => message.id)).toEqual(['invitation-1']);
    expect((await accounts.listInvitations('w1')).map((entry) => entry.id)).toEqual(['i1']);
  });
});
