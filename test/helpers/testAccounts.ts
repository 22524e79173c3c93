import { AuthService, openStores, type AccountStore, type Role } from '@canevas/sync-server';
import { databaseUrlFor } from './testStore.js';

/**
 * Every test server gets an administrator who owns one workspace, and the helpers below
 * (`newTrpcClient`, `newClient`, `newRawClient`) act as that administrator by default, so tests
 * about other things stay short. Tests about access pass their own credentials explicitly.
 */
export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  token: string;
  workspaceId: string;
}

const tokensByHost = new Map<string, string>();
const accountsByDataDir = new Map<string, TestAccount>();

export const ADMIN_PASSWORD = 'mot de passe des tests';

function hostOf(url: string): string {
  return new URL(url).host;
}

export function rememberServerToken(url: string, token: string): void {
  tokensByHost.set(hostOf(url), token);
}

/** The default (administrator) token of the test server at `url`, if any. */
export function defaultTokenFor(url: string): string | undefined {
  return tokensByHost.get(hostOf(url));
}

/** Creates the administrator and their workspace, once per store. */
export async function bootstrapAdmin(accounts: AccountStore): Promise<TestAccount> {
  const auth = new AuthService({ accounts });
  const email = 'admin@exemple.fr';
  const user = (await accounts.findUserByEmail(email)) ?? (await auth.createUser({ email, name: 'Administratrice', password: ADMIN_PASSWORD }));
  const workspaces = await accounts.listWorkspacesOf(user.id);
  const workspace =
    workspaces[0]?.workspace ?? (await accounts.createWorkspace({ id: `ws-${user.id.slice(0, 8)}`, name: 'Espace des tests', ownerId: user.id, createdAt: Date.now() }));
  const { token } = await auth.createApiToken(user.id, 'tests');
  return { userId: user.id, email, password: ADMIN_PASSWORD, token, workspaceId: workspace.id };
}

/**
 * The same, for a data folder a child-process server will open (kept across restarts), or for the
 * PostgreSQL database it is given.
 */
export async function bootstrapDataDir(dataDir: string, givenDatabaseUrl?: string): Promise<TestAccount> {
  const known = accountsByDataDir.get(dataDir);
  if (known) return known;
  const databaseUrl = givenDatabaseUrl ?? (await databaseUrlFor(dataDir));
  const stores = await openStores({ role: 'command', dataDir, ...(databaseUrl && { databaseUrl }) });
  try {
    const account = await bootstrapAdmin(stores.accounts);
    accountsByDataDir.set(dataDir, account);
    return account;
  } finally {
    await stores.close();
  }
}

/** Adds someone to a workspace with a role and returns their credentials. */
export async function addMember(accounts: AccountStore, workspaceId: string, role: Role, name: string = role): Promise<TestAccount> {
  const auth = new AuthService({ accounts });
  const slug = name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'membre';
  const email = `${slug}-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
  const password = `mot de passe de ${name}`;
  const user = await auth.createUser({ email, name, password });
  await accounts.setMember(workspaceId, user.id, role, Date.now());
  const { token } = await auth.createApiToken(user.id, 'tests');
  return { userId: user.id, email, password, token, workspaceId };
}

/** Someone who belongs to no workspace at all. */
export async function newOutsider(accounts: AccountStore): Promise<TestAccount> {
  const auth = new AuthService({ accounts });
  const email = `dehors-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
  const user = await auth.createUser({ email, name: 'Personne extérieure', password: 'mot de passe extérieur' });
  const { token } = await auth.createApiToken(user.id, 'tests');
  return { userId: user.id, email, password: 'mot de passe extérieur', token, workspaceId: '' };
}
