import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { LoginThrottle } from './LoginThrottle.js';
import { isAllowedOrigin } from './originPolicy.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwordHash.js';
import { hashSecret, newSecret } from './secretToken.js';
import { MemoryTicketStore } from '../store/MemoryTicketStore.js';
import { SyncTicketStore } from './SyncTicketStore.js';

function request(headers: Record<string, string>, remoteAddress = '10.0.0.9'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('passwords', () => {
  it('verifies the right password only, and stores no plain text', async () => {
    const stored = await hashPassword('cheval-batterie-agrafe');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('cheval');
    expect(await verifyPassword('cheval-batterie-agrafe', stored)).toBe(true);
    expect(await verifyPassword('cheval-batterie-agrafé', stored)).toBe(false);
    expect(await hashPassword('cheval-batterie-agrafe')).not.toBe(stored);
    // Four scrypt hashes (32 MiB each): seconds on a loaded machine.
  }, 30_000);

  it('treats a damaged stored hash as a wrong password', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$abc$def', 'scrypt$32768$8$1$abc$', 'bcrypt$1$2$3$4$5']) {
      expect(await verifyPassword('nimporte quoi', stored)).toBe(false);
    }
  });

  it('explains a password that is too short', () => {
    expect(passwordProblem('court')).toBe('Le mot de passe doit compter au moins 10 caractères.');
    expect(passwordProblem('assez long pour passer')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('are random, prefixed and hashed deterministically', () => {
    const a = newSecret('cnv_');
    expect(a).toMatch(/^cnv_[\w-]{43}$/);
    expect(newSecret('cnv_')).not.toBe(a);
    expect(hashSecret(a)).toBe(hashSecret(a));
    expect(hashSecret(a)).not.toContain(a.slice(4));
  });
});

describe('LoginThrottle', () => {
  it('locks a key after the free attempts, doubling the wait, and unlocks after it', () => {
    let now = 0;
    const throttle = new LoginThrottle({ freeAttempts: 3, baseLockMs: 10_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(throttle.check(['a@x.fr']).allowed).toBe(true);
      throttle.recordFailure(['a@x.fr']);
    }
    expect(throttle.check(['a@x.fr']).allowed).toBe(true);
    throttle.recordFailure(['a@x.fr']);
    expect(throttle.check(['a@x.fr'])).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(throttle.check(['b@x.fr']).allowed).toBe(true);
    now = 10_000;
    throttle.recordFailure(['a@x.fr']);
    expect(throttle.check(['a@x.fr'])).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 30_000;
    expect(throttle.check(['a@x.fr']).allowed).toBe(true);
  });

  it('refuses when any of the keys is locked, and a success clears only its key', () => {
    const throttle = new LoginThrottle({ freeAttempts: 1 });
    throttle.recordFailure(['a@x.fr', 'ip:10.0.0.1']);
    throttle.recordFailure(['a@x.fr', 'ip:10.0.0.1']);
    expect(throttle.check(['c@x.fr', 'ip:10.0.0.1']).allowed).toBe(false);
    throttle.recordSuccess('a@x.fr');
    expect(throttle.check(['a@x.fr']).allowed).toBe(true);
    expect(throttle.check(['ip:10.0.0.1']).allowed).toBe(false);
  });
});

describe('LoginThrottle attempts', () => {
  it('counts attempts in flight: of forty begun together, only the free ones and the one that locks are admitted', () => {
    const throttle = new LoginThrottle({ freeAttempts: 5, baseLockMs: 30_000, now: () => 0 });
    const keys = ['email:a@x.fr', 'address:10.0.0.1'];
    const begun = Array.from({ length: 40 }, () => throttle.begin(keys));
    const admitted = begun.filter((attempt) => attempt.allowed);
    expect(admitted).toHaveLength(6);
    expect(begun[6]).toEqual({ allowed: false, retryAfterSeconds: 30 });
    for (const attempt of admitted) if (attempt.allowed) attempt.failed();
    // The sixth failure locks, as one attempt at a time would have.
    expect(throttle.check(keys)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('frees the place of an attempt that succeeds or is abandoned, and counts each outcome once', () => {
    const throttle = new LoginThrottle({ freeAttempts: 1, now: () => 0 });
    const keys = ['email:a@x.fr', 'address:10.0.0.1'];
    const first = throttle.begin(keys);
    const second = throttle.begin(keys);
    expect([first.allowed, second.allowed, throttle.begin(keys).allowed]).toEqual([true, true, false]);
    if (!first.allowed || !second.allowed) throw new Error('unreachable');
    first.abandoned();
    first.failed();
    second.succeeded('email:a@x.fr');
    const third = throttle.begin(keys);
    expect(third.allowed).toBe(true);
    if (third.allowed) third.failed();
    // One failure only (the abandoned attempt's late report was ignored): one more is admitted.
    expect(throttle.begin(['address:10.0.0.1']).allowed).toBe(true);
  });
});

describe('SyncTicketStore', () => {
  it('redeems a ticket once, for its room, before it expires', async () => {
    let now = 0;
    const tickets = new SyncTicketStore({ ttlMs: 1000, now: () => now });
    const ticket = await tickets.issue({ userId: 'u1', room: 'doc1' });
    expect(await tickets.redeem(ticket, 'doc1')).toEqual({ userId: 'u1', room: 'doc1' });
    expect(await tickets.redeem(ticket, 'doc1')).toBeUndefined();

    const other = await tickets.issue({ userId: 'u1', room: 'doc1' });
    expect(await tickets.redeem(other, 'doc2')).toBeUndefined();
    expect(await tickets.redeem(other, 'doc1')).toBeUndefined();

    const late = await tickets.issue({ userId: 'u1', room: 'doc1' });
    now = 1000;
    expect(await tickets.redeem(late, 'doc1')).toBeUndefined();
    expect(await tickets.redeem('forged', 'doc1')).toBeUndefined();
  });

  it('keeps only hashes in its store, and the store forgets expired tickets as new ones come', async () => {
    let now = 0;
    const store = new MemoryTicketStore();
    const tickets = new SyncTicketStore({ store, ttlMs: 1000, now: () => now });
    const first = await tickets.issue({ userId: 'u1', room: 'doc1' });
    const kept = await store.take(hashSecret(first));
    expect(kept).toEqual({ hash: hashSecret(first), userId: 'u1', room: 'doc1', expiresAt: 1000 });
    await store.put(kept!, now);
    now = 1000;
    await tickets.issue({ userId: 'u2', room: 'doc2' });
    expect(store.size).toBe(1);
    expect(await tickets.redeem(first, 'doc1')).toBeUndefined();
  });
});

describe('cookies', () => {
  it('parses leniently and serializes a hardened session cookie', () => {
    const cookies = parseCookies('a=1; canevas_session=abc%2Fdef; broken; =x; b="q"; bad=%E0%A4%A');
    expect(cookies.get('canevas_session')).toBe('abc/def');
    expect(cookies.get('b')).toBe('q');
    expect(cookies.has('bad')).toBe(false);
    expect(serializeCookie('canevas_session', 'v', { secure: true, maxAgeSeconds: 60 })).toBe(
      'canevas_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure',
    );
  });
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '1.2.3.4' }), 0)).toBe('10.0.0.9');
  });

  it('takes the address the trusted proxy saw, whatever the client prepended', () => {
    const spoofed = request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '127.0.0.1');
    expect(clientAddress(spoofed, 1)).toBe('203.0.113.7');
    expect(clientAddress(request({}, '127.0.0.1'), 1)).toBe('127.0.0.1');
  });
});

describe('isAllowedOrigin', () => {
  it('allows the addressed host and the public URL, refuses others and missing ones', () => {
    const options = { publicUrl: 'https://canevas.example.org/' };
    expect(isAllowedOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), options)).toBe(true);
    expect(isAllowedOrigin(request({ host: 'interne:3000', origin: 'https://canevas.example.org' }), options)).toBe(true);
    expect(isAllowedOrigin(request({ host: '127.0.0.1:3000', origin: 'https://evil.example' }), options)).toBe(false);
    expect(isAllowedOrigin(request({ host: '127.0.0.1:3000', origin: 'null' }), options)).toBe(false);
    expect(isAllowedOrigin(request({ host: '127.0.0.1:3000' }), options)).toBe(false);
  });
});
