import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../auth/LoginThrottle.js';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { AuthError, AuthService, SESSION_COOKIE } from './AuthService.js';
import { SqliteAccountStore } from './SqliteAccountStore.js';

let dir: string;
let documents: SqliteDocumentStore;
let auth: AuthService;

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'canevas-auth-'));
  documents = new SqliteDocumentStore({ file: join(dir, 'canevas.sqlite') });
  auth = new AuthService({ accounts: new SqliteAccountStore(documents.database), throttle: new LoginThrottle({ freeAttempts: 2 }) });
});

afterEach(async () => {
  await documents.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('AuthService', () => {
  it('makes the first account the administrator, and only the first', async () => {
    const first = await auth.createUser({ email: 'Admin@Exemple.fr', password: 'un mot de passe solide' });
    const second = await auth.createUser({ email: 'tuteur@exemple.fr', name: 'Marc', password: 'un autre mot de passe' });
    expect([first.isAdmin, first.email, first.name]).toEqual([true, 'admin@exemple.fr', 'admin']);
    expect([second.isAdmin, second.name]).toEqual([false, 'Marc']);
    await expect(auth.createUser({ email: 'ADMIN@exemple.fr', password: 'encore un mot de passe' })).rejects.toMatchObject({ reason: 'email_taken' });
    await expect(auth.createUser({ email: 'pas-une-adresse', password: 'un mot de passe solide' })).rejects.toThrow('Adresse e-mail invalide.');
    await expect(auth.createUser({ email: 'x@exemple.fr', password: 'court' })).rejects.toThrow('au moins 10 caractères');
  });

  it('opens a session that authenticates by cookie until logout', async () => {
    const user = await auth.createUser({ email: 'awa@exemple.fr', password: 'un mot de passe solide' });
    const { sessionToken } = await auth.logIn({ email: 'AWA@exemple.fr', password: 'un mot de passe solide', address: '10.0.0.1' });
    const cookie = `autre=1; ${SESSION_COOKIE}=${sessionToken}`;
    expect((await auth.authenticate(request({ cookie })))?.user.id).toBe(user.id);
    await auth.logOut(sessionToken);
    expect(await auth.authenticate(request({ cookie }))).toBeUndefined();
  });

  it('gives the same answer for an unknown email and a wrong password, then throttles', async () => {
    await auth.createUser({ email: 'awa@exemple.fr', password: 'un mot de passe solide' });
    const wrong = auth.logIn({ email: 'awa@exemple.fr', password: 'mauvais mot de passe', address: '10.0.0.1' });
    const unknown = auth.logIn({ email: 'inconnu@exemple.fr', password: 'mauvais mot de passe', address: '10.0.0.2' });
    await expect(wrong).rejects.toThrow('Adresse e-mail ou mot de passe incorrect.');
    await expect(unknown).rejects.toThrow('Adresse e-mail ou mot de passe incorrect.');
    for (const address of ['10.0.0.3', '10.0.0.4']) {
      await expect(auth.logIn({ email: 'awa@exemple.fr', password: 'mauvais', address })).rejects.toBeInstanceOf(AuthError);
    }
    // Locked now, even with the right password, from any address.
    await expect(auth.logIn({ email: 'awa@exemple.fr', password: 'un mot de passe solide', address: '10.0.0.5' })).rejects.toMatchObject({
      reason: 'throttled',
    });
  }, 30_000);

  it('authenticates scripts with a Bearer API token, never with a session token as Bearer', async () => {
    const user = await auth.createUser({ email: 'script@exemple.fr', password: 'un mot de passe solide' });
    const { token } = await auth.createApiToken(user.id, 'import nocturne');
    expect(token).toMatch(/^cnv_/);
    expect((await auth.authenticate(request({ authorization: `Bearer ${token}` })))?.via).toBe('token');
    expect(await auth.authenticate(request({ authorization: 'Bearer cnv_faux' }))).toBeUndefined();
    const { sessionToken } = await auth.logIn({ email: 'script@exemple.fr', password: 'un mot de passe solide', address: 'a' });
    expect(await auth.authenticate(request({ authorization: `Bearer ${sessionToken}` }))).toBeUndefined();
  });
});
