import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import { newServer, type TestServer } from '../helpers/newServer.js';
import { newTrpcClient } from '../helpers/newTrpcClient.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import { spawnServer, type ServerProcess } from '../helpers/spawnServer.js';
import { dropDatabaseOf } from '../helpers/testStore.js';
import { waitFor } from '../helpers/waitFor.js';

// Mail through a real SMTP server (smtp-server) started by the tests: password reset, invitation
// by e-mail, an SMTP outage, and a crash with mail still in the outbox.

const PUBLIC_URL = 'https://canevas.example.org';
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWithMail(smtpUrl: string, options: { retry?: { baseMs: number; maxMs: number } } = {}): Promise<TestServer> {
  const server = await newServer({
    publicUrl: PUBLIC_URL,
    // The session cookie's origin check: the test posts as the app would, from its public origin.
    mail: { smtpUrl, from: 'Canevas <canevas@example.org>', retry: options.retry ?? { baseMs: 50, maxMs: 400 }, pollMs: 100 },
  });
  cleanups.push(() => server.dispose());
  return server;
}

async function smtp(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options);
  cleanups.push(() => server.close());
  return server;
}

/** POSTs an anonymous mutation as the web app does (its own origin). */
async function anonymous(serverUrl: string, path: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${serverUrl}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: PUBLIC_URL }, body: JSON.stringify(input) });
  return { status: response.status, body: await response.json() };
}

function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"<>]+`).exec(text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}

it('sends a password reset to an existing account only, always answering the same; its PUBLIC_URL link works once', async () => {
  const inbox = await smtp();
  const server = await serverWithMail(inbox.url);
  const known = await anonymous(server.url, 'auth.requestPasswordReset', { email: server.admin.email.toUpperCase() });
  const unknown = await anonymous(server.url, 'auth.requestPasswordReset', { email: 'personne@exemple.fr' });
  expect(unknown).toEqual(known);
  expect(known).toEqual({ status: 200, body: { result: { data: { ok: true } } } });
  await waitFor(() => inbox.to(server.admin.email).length === 1);
  // Nothing was, nor will be, sent for the unknown address: the outbox is empty once the known one left.
  await waitFor(async () => (await server.stores.mailOutbox.stats()).waiting === 0);
  expect(inbox.received).toHaveLength(1);

  const [message] = inbox.received;
  expect(message!.subject).toBe('Canevas : réinitialisation de votre mot de passe');
  expect(message!.text).toContain('valable une heure');
  const link = linkIn(message!.text, `${PUBLIC_URL}/mot-de-passe/nouveau#`);
  expect(message!.html).toContain(link);
  const token = new URL(link).hash.slice(1);

  expect(await anonymous(server.url, 'auth.resetPassword', { token, password: 'court' })).toMatchObject({ status: 400 });
  expect(await anonymous(server.url, 'auth.resetPassword', { token, password: 'un tout nouveau mot de passe' })).toEqual({ status: 200, body: { result: { data: { ok: true } } } });
  const logIn = await anonymous(server.url, 'auth.logIn', { email: server.admin.email, password: 'un tout nouveau mot de passe' });
  expect(logIn.status).toBe(200);
  // Single-use: the same link again is refused, in French.
  const again = await anonymous(server.url, 'auth.resetPassword', { token, password: 'encore un autre mot de passe' });
  expect(again.status).toBe(400);
  expect(JSON.stringify(again.body)).toContain('Ce lien de réinitialisation n’est plus valable');
});

it('invites by e-mail: the link arrives at the address only, and signs the invitee up into the workspace', async () => {
  const inbox = await smtp();
  const server = await serverWithMail(inbox.url);
  const api = newTrpcClient(server.url);
  const invited = await api.workspaces.inviteByEmail.mutate({ workspaceId: server.admin.workspaceId, email: 'Tuteur@Exemple.fr', role: 'tutor' });
  expect(invited).toEqual({ id: expect.any(String), expiresAt: expect.any(String) });
  expect(JSON.stringify(invited)).not.toContain('i_');
  await waitFor(() => inbox.to('tuteur@exemple.fr').length === 1);
  const [message] = inbox.to('tuteur@exemple.fr');
  expect(message!.subject).toMatch(/vous invite dans « .+ »/);
  expect(message!.text).toContain('en tant que tuteur');
  const link = linkIn(message!.text, `${PUBLIC_URL}/invitation/`);
  const token = link.slice(link.lastIndexOf('/') + 1);
  const signUp = await anonymous(server.url, 'auth.signUp', { email: 'tuteur@exemple.fr', password: 'un mot de passe solide', invitation: token });
  expect(signUp.status).toBe(200);
  const members = await api.workspaces.members.query({ workspaceId: server.admin.workspaceId });
  expect(members).toContainEqual(expect.objectContaining({ email: 'tuteur@exemple.fr', role: 'tutor' }));
});

it('says so rather than failing silently when no SMTP server is configured', async () => {
  const server = await newServer({ publicUrl: PUBLIC_URL });
  cleanups.push(() => server.dispose());
  const api = newTrpcClient(server.url);
  await expect(api.workspaces.inviteByEmail.mutate({ workspaceId: server.admin.workspaceId, email: 'awa@exemple.fr', role: 'editor' })).rejects.toThrow(/SMTP_URL n’est pas configuré/);
  expect((await api.auth.status.query()).mail).toEqual({ enabled: false, waiting: 0, failing: 0, oldestAt: null });
  // The reset still answers the same, and nothing is queued for a later SMTP server.
  expect(await anonymous(server.url, 'auth.requestPasswordReset', { email: server.admin.email })).toMatchObject({ status: 200 });
  expect((await server.stores.mailOutbox.stats()).waiting).toBe(0);
});

it('keeps mail while the SMTP server is down and sends every message once when it is back: none lost, none twice', async () => {
  const port = await freePort();
  const server = await serverWithMail(`smtp://127.0.0.1:${port}`);
  const api = newTrpcClient(server.url);
  const addresses = ['un@exemple.fr', 'deux@exemple.fr', 'trois@exemple.fr'];
  for (const email of addresses) await api.workspaces.inviteByEmail.mutate({ workspaceId: server.admin.workspaceId, email, role: 'viewer' });
  // Each has failed at least once, and waits with a longer delay.
  await waitFor(async () => (await server.stores.mailOutbox.stats()).failing === 3);
  expect((await api.auth.status.query()).mail).toMatchObject({ enabled: true, waiting: 3, failing: 3 });
  const inbox = await smtp({ port });
  await waitFor(async () => (await server.stores.mailOutbox.stats()).waiting === 0, { timeoutMs: 30_000 });
  expect(inbox.received.map((mail) => mail.to[0]).sort()).toEqual([...addresses].sort());
  expect(new Set(inbox.received.map((mail) => mail.messageId)).size).toBe(3);
  expect(server.logs.events('mail.send_failed').length).toBeGreaterThanOrEqual(3);
});

it('delivers mail still queued when Canevas was killed, after it starts again', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'canevas-mail-'));
  cleanups.push(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await dropDatabaseOf(dataDir);
  });
  const port = await freePort();
  const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'canevas@example.org', PUBLIC_URL, MAIL_RETRY_SECONDS: '5' };
  let running: ServerProcess | undefined = await spawnServer(dataDir, [], { env });
  cleanups.push(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
  });
  const first = running;
  const response = await fetch(`${first.url}/trpc/auth.requestPasswordReset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: first.admin.email }) });
  expect(response.status).toBe(200);
  // Queued, tried, refused by the absent SMTP server, due again in 5 s: then the process dies
  // without a word (SIGKILL).
  await waitFor(() => first.stderr.some((line) => line.includes('"mail.send_failed"')), { timeoutMs: 30_000 });
  first.child.kill('SIGKILL');
  await first.exited;

  const inbox = await smtp({ port });
  running = await spawnServer(dataDir, [], { env });
  await waitFor(() => inbox.to(first.admin.email).length === 1, { timeoutMs: 30_000 });
  const status = newTrpcClient(running.url, { token: running.admin.token });
  await waitFor(async () => (await status.auth.status.query()).mail?.waiting === 0, { timeoutMs: 30_000 });
  expect(inbox.to(first.admin.email)).toHaveLength(1);
  expect(inbox.received[0]!.text).toContain(`${PUBLIC_URL}/mot-de-passe/nouveau#`);
});
