// Canevas as the bench runs it: createServer on the data folder (SQLite), or on PostgreSQL when
// given --database-url, serving the built web app when there is one (the editor scenario needs
// it), logging warnings and errors only.
// BENCH_CANEVAS_OPTIONS='{"foldThreshold":100000}' passes extra createServer options, to
// measure the effect of a setting with the same harness.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, createServer, newId, type ServerOptions } from '@canevas/sync-server';
import { announceReady, argument, optionalArgument, serveParentRequests, type Credentials } from './serverProcessIpc.js';

const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

const server = await createServer({
  dataDir: argument('data'),
  ...(optionalArgument('database-url') !== undefined && { databaseUrl: optionalArgument('database-url') }),
  port: 0,
  logger: createLogger({ level: 'warn' }),
  ...(existsSync(join(WEB_DIST, 'index.html')) && { webRoot: WEB_DIST }),
  // The memory scenario fills one workspace with more documents than an instance allows by default.
  maxDocumentsPerWorkspace: 1_000_000,
  ...(JSON.parse(process.env.BENCH_CANEVAS_OPTIONS ?? '{}') as Partial<ServerOptions>),
});
serveParentRequests();
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
announceReady(server.port, await benchCredentials(server));

interface AuthLike {
  createUser(input: { email: string; name?: string; password: string }): Promise<unknown>;
  logIn(input: { email: string; password: string; address: string }): Promise<{ user: { id: string }; sessionToken: string }>;
  createApiToken(userId: string, name: string): Promise<{ token: string }>;
}

interface AccountsLike {
  listWorkspacesOf(userId: string): Promise<unknown[]>;
  createWorkspace(workspace: { id: string; name: string; ownerId: string; createdAt: number }): Promise<unknown>;
}

/**
 * Once the server has accounts (contract 4), the bench signs in like a script: the first account
 * (an administrator) owning one workspace, an API token for tRPC and the sync tickets, a session
 * for the browser. Without accounts, nothing to do.
 */
async function benchCredentials(running: object): Promise<Credentials | undefined> {
  const { auth, accounts } = running as { auth?: AuthLike; accounts?: AccountsLike };
  if (!auth) return undefined;
  const email = 'banc-d-essai@canevas.test';
  const password = 'banc-d-essai-mot-de-passe';
  // After a restart the account exists already.
  await auth.createUser({ email, name: 'Banc d’essai', password }).catch(() => undefined);
  const { user, sessionToken } = await auth.logIn({ email, password, address: '127.0.0.1' });
  if (accounts && (await accounts.listWorkspacesOf(user.id)).length === 0) {
    await accounts.createWorkspace({ id: newId(12), name: 'Banc d’essai', ownerId: user.id, createdAt: Date.now() });
  }
  const { token } = await auth.createApiToken(user.id, 'bench');
  return { token, session: sessionToken };
}
