import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SqliteAccountStore } from '../accounts/SqliteAccountStore.js';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { SignInFailure, type ProviderIdentity } from './OidcClient.js';
import { OidcSignIn } from './OidcSignIn.js';

let dir: string;
let documents: SqliteDocumentStore;
let accounts: SqliteAccountStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'canevas-oidc-'));
  documents = new SqliteDocumentStore({ file: join(dir, 'canevas.sqlite') });
  accounts = new SqliteAccountStore(documents.database);
});

afterEach(async () => {
  await documents.close();
  rmSync(dir, { recursive: true, force: true });
});

function identity(overrides: Partial<ProviderIdentity> = {}): ProviderIdentity {
  return {
    issuer: 'https://idp.example',
    subject: 'sub-awa',
    email: 'awa@exemple.fr',
    emailVerified: undefined,
    name: 'Awa Diallo',
    siret: undefined,
    idpId: undefined,
    acr: undefined,
    idToken: 'eyJ…',
    ...overrides,
  };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(SignInFailure);
  return (error as SignInFailure).reason;
}

it('creates an account only for an allowed domain, never an administrator, even on an empty instance', async () => {
  const signIn = new OidcSignIn({ accounts, allowedDomains: ['@Exemple.FR'], trustEmail: true, now: () => 7 });
  const { user, via } = await signIn.accountFor(identity());
  expect(via).toBe('created');
  expect(user).toMatchObject({ email: 'awa@exemple.fr', name: 'Awa Diallo', isAdmin: false, createdAt: 7 });
  expect(await reason(signIn.accountFor(identity({ subject: 'sub-zoe', email: 'zoe@ailleurs.fr' })))).toBe('no_account');
  expect(await accounts.countUsers()).toBe(1);
});

it('links by e-mail only when it is verified: email_verified true, or absent from a trusted provider', async () => {
  const existing = await accounts.createUser({ id: 'u1', email: 'awa@exemple.fr', name: 'Awa', passwordHash: 'h', isAdmin: true, createdAt: 1 });
  const cautious = new OidcSignIn({ accounts, allowedDomains: [], trustEmail: false });
  expect(await reason(cautious.accountFor(identity()))).toBe('email_missing');
  expect(await reason(cautious.accountFor(identity({ emailVerified: false })))).toBe('email_missing');
  const trusting = new OidcSignIn({ accounts, allowedDomains: [], trustEmail: true });
  expect(await reason(trusting.accountFor(identity({ emailVerified: false })))).toBe('email_missing');
  expect(await trusting.accountFor(identity({ emailVerified: true }))).toEqual({ user: { id: 'u1', email: existing.email, name: 'Awa', isAdmin: true, createdAt: 1 }, via: 'email' });
  // Linked now: found by its identity, whatever e-mail the provider sends next.
  expect(await cautious.accountFor(identity({ email: undefined }))).toMatchObject({ user: { id: 'u1' }, via: 'identity' });
});
