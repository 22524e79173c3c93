import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  addMember,
  encodeUpdateFrame,
  newClient,
  newOutsider,
  newRawClient,
  newServer,
  newTrpcClient,
  runCanevas,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';

const SIGN_UP_REFUSED =
  'Impossible de créer un compte avec cette invitation. Si vous avez déjà un compte, connectez-vous pour l’accepter ; sinon, demandez une nouvelle invitation.';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Opens a socket and reports everything an attacker can observe: the HTTP answer to the upgrade
 * (status and body), or the close code and reason, and every byte received.
 */
function observe(url: string, headers: Record<string, string>): Promise<{ status: number; body: string; close: number | null; reason: string; bytes: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    let status = 0;
    let bytes = 0;
    socket.on('message', (data: Buffer) => (bytes += data.byteLength));
    socket.once('upgrade', (res) => (status = res.statusCode ?? 0));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, close: null, reason: '', bytes }));
    });
    socket.once('close', (code, reason) => resolve({ status, body: '', close: code, reason: reason.toString(), bytes }));
    socket.once('error', () => undefined);
  });
}

/** Opens a socket and reports the HTTP status of a refused upgrade and every byte received. */
function attempt(url: string, headers: Record<string, string>): Promise<{ status: number | 'open'; bytes: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    let bytes = 0;
    socket.on('message', (data: Buffer) => (bytes += data.byteLength));
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, bytes });
    });
    socket.once('open', () => setTimeout(() => (socket.terminate(), resolve({ status: 'open', bytes })), 200));
    socket.once('error', () => undefined);
  });
}

async function documentWithText(text: string): Promise<{ server: TestServer; id: string; editor: TestClient }> {
  server = await newServer({ accessRefreshMs: 200 });
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Dossier de Léa' });
  const editor = track(newClient(server.syncUrl, id));
  await editor.synced;
  editor.doc.getText('text').insert(0, text);
  await waitFor(() => server!.stats().pendingUpdates === 0);
  return { server, id, editor };
}

describe('roles on the sync endpoint', () => {
  it('drops a tutor’s content updates: neither stored nor relayed, while awareness still flows', async () => {
    const { server, id, editor } = await documentWithText('Texte de la candidate');
    const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor');
    const raw = newRawClient(`${server.syncUrl}/${id}`, { token: tutor.token });
    await raw.opened;
    raw.send(encodeUpdateFrame(textUpdate('Réécrit par le tuteur')));
    raw.sendSyncStep1();
    await raw.nextMessage((message) => message.type === 0 && message.syncType === 1);

    const stored = await server.store.loadDocument(id);
    const doc = new Y.Doc();
    for (const update of [stored!.snapshot, ...stored!.updates.map((row) => row.update)]) if (update) Y.applyUpdate(doc, update);
    expect(doc.getText('text').toString()).toBe('Texte de la candidate');
    expect(editor.text()).toBe('Texte de la candidate');
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
    raw.socket.terminate();
  });

  it('refuses a non-member and an anonymous client before sending any document byte', async () => {
    const { server, id } = await documentWithText('Données personnelles');
    const outsider = await newOutsider(server.accounts);
    expect(await observe(`${server.syncUrl}/${id}`, { authorization: `Bearer ${outsider.token}` })).toMatchObject({ close: 4404, bytes: 0 });
    expect(await attempt(`${server.syncUrl}/${id}`, {})).toEqual({ status: 401, bytes: 0 });
    expect(await attempt(`${server.syncUrl}/${id}`, { authorization: 'Bearer cnv_inventé' })).toEqual({ status: 401, bytes: 0 });
    await expect(newTrpcClient(server.url, { token: outsider.token }).documents.get.query({ id })).rejects.toThrow('Document introuvable.');
    // Exports read documents: same rule.
    expect((await fetch(`${server.url}/export/documents/${id}?format=md`)).status).toBe(401);
    expect((await fetch(`${server.url}/export/documents/${id}?format=md`, { headers: { authorization: `Bearer ${outsider.token}` } })).status).toBe(404);
    expect((await fetch(`${server.url}/export/documents/${id}?format=md`, { headers: { authorization: `Bearer ${server.admin.token}` } })).status).toBe(200);
    expect(await newTrpcClient(server.url, { token: outsider.token }).documents.list.query()).toEqual([]);
  });

  it('answers 403 to a session cookie sent from a foreign Origin, and accepts the same cookie from the app’s origin', async () => {
    const { server, id } = await documentWithText('Plan');
    const login = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: server.admin.email, password: server.admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(await attempt(`${server.syncUrl}/${id}`, { cookie, origin: 'https://evil.example' })).toEqual({ status: 403, bytes: 0 });
    expect(await attempt(`${server.syncUrl}/${id}`, { cookie })).toEqual({ status: 403, bytes: 0 });
    expect((await attempt(`${server.syncUrl}/${id}`, { cookie, origin: server.url })).status).toBe('open');
  });

  it('answers another workspace’s document exactly as a missing one, for the content and the review room', async () => {
    const { server, id } = await documentWithText('Données personnelles');
    const outsider = await newOutsider(server.accounts);
    const headers = { authorization: `Bearer ${outsider.token}` };
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(await server.store.getDocument(unknown)).toBeUndefined();
    for (const suffix of ['', '/review']) {
      const foreign = await observe(`${server.syncUrl}/${id}${suffix}`, headers);
      const missing = await observe(`${server.syncUrl}/${unknown}${suffix}`, headers);
      expect(foreign).toEqual(missing);
      expect(foreign).toEqual({ status: 101, body: '', close: 4404, reason: 'Document introuvable', bytes: 0 });
    }
  });

  it('checks the Origin of a cookie-borne request whatever other Authorization header it carries; only a valid Bearer token is exempt', async () => {
    const { server, id } = await documentWithText('Plan');
    const login = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: server.admin.email, password: server.admin.password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // What a reverse proxy with HTTP Basic auth lets through from a page on another origin.
    const basic = { cookie, authorization: `Basic ${Buffer.from('equipe:secret').toString('base64')}` };
    expect(await attempt(`${server.syncUrl}/${id}`, { ...basic, origin: 'https://evil.example' })).toEqual({ status: 403, bytes: 0 });
    expect(await attempt(`${server.syncUrl}/${id}`, { ...basic, origin: 'https://evil.example', authorization: 'Bearer cnv_inventé' })).toEqual({ status: 401, bytes: 0 });
    expect((await attempt(`${server.syncUrl}/${id}`, { ...basic, origin: server.url })).status).toBe('open');
    expect((await attempt(`${server.syncUrl}/${id}`, { authorization: `Bearer ${server.admin.token}`, origin: 'https://evil.example' })).status).toBe('open');

    // The API and the exports: a cookie-borne mutation or export job from another origin is refused.
    const rename = await fetch(`${server.url}/trpc/documents.rename`, {
      method: 'POST',
      headers: { ...basic, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ id, title: 'Piraté' }),
    });
    expect(rename.status).toBe(403);
    const job = await fetch(`${server.url}/export/jobs`, {
      method: 'POST',
      headers: { ...basic, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'md', documentIds: [id] }),
    });
    expect(job.status).toBe(403);
    expect((await server.store.getDocument(id))?.title).toBe('Dossier de Léa');
  });

  it('refuses a replayed sync ticket', async () => {
    const { server, id } = await documentWithText('Plan');
    const target = await newTrpcClient(server.url).documents.syncTarget.query({ id });
    const url = `${target.url}/${target.room}?ticket=${encodeURIComponent(target.params.ticket!)}`;
    expect((await attempt(url, {})).status).toBe('open');
    expect(await attempt(url, {})).toEqual({ status: 401, bytes: 0 });
  });

  it('applies a role change and a removal to open connections within seconds, including from the CLI', async () => {
    const { server, id, editor } = await documentWithText('Début');
    const member = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'marc');
    const marc = track(newClient(server.syncUrl, id, { token: member.token }));
    await marc.synced;
    marc.doc.getText('text').insert(5, ' (éditeur)');
    await waitFor(() => editor.text() === 'Début (éditeur)');

    await newTrpcClient(server.url).workspaces.setRole.mutate({ workspaceId: server.admin.workspaceId, userId: member.userId, role: 'viewer' });
    await waitFor(() => server.logs.events('sync.role_applied').length > 0);
    marc.doc.getText('text').insert(0, 'Interdit : ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.text()).toBe('Début (éditeur)');

    // Another process changes the role back: the periodic check picks it up.
    const cli = await runCanevas(['member', 'add', '--workspace', server.admin.workspaceId, '--email', member.email, '--role', 'editor', '--data', server.dataDir]);
    expect(cli.code).toBe(0);
    await waitFor(() => server.logs.events('sync.role_applied').length > 1);

    await newTrpcClient(server.url).workspaces.removeMember.mutate({ workspaceId: server.admin.workspaceId, userId: member.userId });
    expect((await marc.closed).code).toBe(4403);
  });
  it('keeps roles isolated across documents: an editor of one dossier is only a tutor of another', async () => {
    const { server, id: ownDossier, editor: ownerOfA } = await documentWithText('Plan de Léa');
    const admin = newTrpcClient(server.url);
    const other = await admin.workspaces.create.mutate({ name: 'Dossier de Karim' });
    const { id: otherDossier } = await admin.documents.create.mutate({ title: 'Mémoire de Karim', workspaceId: other.id });
    const ownerOfB = track(newClient(server.syncUrl, otherDossier));
    await ownerOfB.synced;
    ownerOfB.doc.getText('text').insert(0, 'Texte de Karim');
    await waitFor(() => server.stats().pendingUpdates === 0);

    // Léa edits her own workspace's documents and tutors Karim's.
    const lea = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Léa');
    await server.accounts.setMember(other.id, lea.userId, 'tutor', Date.now());
    const asLea = newTrpcClient(server.url, { token: lea.token });
    expect((await asLea.documents.get.query({ id: ownDossier })).role).toBe('editor');
    expect((await asLea.documents.get.query({ id: otherDossier })).role).toBe('tutor');

    // Both documents open at once on the same account: each connection has its own document's role.
    const inA = track(newClient(server.syncUrl, ownDossier, { token: lea.token }));
    const inB = track(newClient(server.syncUrl, otherDossier, { token: lea.token }));
    await Promise.all([inA.synced, inB.synced]);
    inB.doc.getText('text').insert(0, 'Réécrit : ');
    inA.doc.getText('text').insert(0, 'Léa : ');
    await waitFor(() => ownerOfA.text() === 'Léa : Plan de Léa');
    await waitFor(() => server.stats().pendingUpdates === 0);
    expect(ownerOfB.text()).toBe('Texte de Karim');
    const stored = await server.store.loadDocument(otherDossier);
    const storedDoc = new Y.Doc();
    for (const update of [stored!.snapshot, ...stored!.updates.map((row) => row.update)]) if (update) Y.applyUpdate(storedDoc, update);
    expect(storedDoc.getText('text').toString()).toBe('Texte de Karim');

    // The API applies the same per-document roles.
    await asLea.documents.rename.mutate({ id: ownDossier, title: 'Plan de Léa (v2)' });
    await expect(asLea.documents.rename.mutate({ id: otherDossier, title: 'Pris' })).rejects.toThrow('Votre rôle ne permet pas de modifier ce document.');
    expect((await admin.documents.get.query({ id: otherDossier })).title).toBe('Mémoire de Karim');

    // A ticket opens the document it was issued for, never another one.
    const target = await asLea.documents.syncTarget.query({ id: ownDossier });
    const elsewhere = `${target.url}/${otherDossier}?ticket=${encodeURIComponent(target.params.ticket!)}`;
    expect((await attempt(elsewhere, {})).status).not.toBe('open');

    // Removed from Karim's workspace, Léa keeps her own.
    await admin.workspaces.removeMember.mutate({ workspaceId: other.id, userId: lea.userId });
    expect((await inB.closed).code).toBe(4403);
    inA.doc.getText('text').insert(inA.text().length, ' — suite');
    await waitFor(() => ownerOfA.text() === 'Léa : Plan de Léa — suite');
  });
});

describe('accounts through the API', () => {
  it('throttles password guessing and never writes tokens or passwords to the log', async () => {
    server = await newServer();
    const anonymous = newTrpcClient(server.url, { token: null });
    // Five free attempts; the sixth failure locks the account (and the address).
    for (let i = 0; i < 6; i++) {
      await expect(anonymous.auth.logIn.mutate({ email: server.admin.email, password: `essai ${i}` })).rejects.toThrow('Adresse e-mail ou mot de passe incorrect.');
    }
    await expect(anonymous.auth.logIn.mutate({ email: server.admin.email, password: server.admin.password })).rejects.toThrow(/Trop de tentatives/);

    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Journal' });
    const target = await newTrpcClient(server.url).documents.syncTarget.query({ id });
    track(newClient(target.url, target.room, { params: target.params, token: null }));
    const log = JSON.stringify(server.logs.entries);
    for (const secret of [server.admin.token, target.params.ticket!, server.admin.password]) expect(log).not.toContain(secret);
  });

  it('a forged X-Forwarded-For does not escape the per-address limit', async () => {
    server = await newServer();
    const attempt = (i: number) =>
      fetch(`${server!.url}/trpc/auth.logIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ email: `inconnu${i}@exemple.fr`, password: 'deviné au hasard' }),
      });
    // Six different emails, six different forged addresses, one real client: the sixth failure locks it.
    for (let i = 0; i < 6; i++) expect((await attempt(i)).status).toBe(401);
    expect((await attempt(99)).status).toBe(429);
  });

  it('lets only the first account sign up without an invitation, then by invitation with its role', async () => {
    server = await newServer();
    const anonymous = newTrpcClient(server.url, { token: null });
    await expect(anonymous.auth.signUp.mutate({ email: 'intrus@exemple.fr', password: 'un mot de passe solide' })).rejects.toThrow(
      'La création de compte se fait sur invitation.',
    );
    const { token } = await newTrpcClient(server.url).workspaces.invite.mutate({ workspaceId: server.admin.workspaceId, role: 'tutor' });
    expect(await anonymous.workspaces.previewInvitation.query({ token })).toMatchObject({ valid: true, workspaceName: 'Espace des tests', role: 'tutor' });
    const tutor = await anonymous.auth.signUp.mutate({ email: 'tutrice@exemple.fr', name: 'Inès', password: 'un mot de passe solide', invitation: token });
    expect(tutor.isAdmin).toBe(false);
    const members = await newTrpcClient(server.url).workspaces.members.query({ workspaceId: server.admin.workspaceId });
    expect(members.map((member) => [member.email, member.role])).toContainEqual(['tutrice@exemple.fr', 'tutor']);
    await expect(anonymous.auth.signUp.mutate({ email: 'autre@exemple.fr', password: 'un mot de passe solide', invitation: token })).rejects.toThrow(
      SIGN_UP_REFUSED,
    );
  });

  it('creates one account from one invitation, however many sign-ups race for it', async () => {
    server = await newServer({ trustedProxies: 1 });
    const { token } = await newTrpcClient(server.url).workspaces.invite.mutate({ workspaceId: server.admin.workspaceId, role: 'editor' });
    const usersBefore = await server.accounts.countUsers();
    // Five requests at once, each from its own address so that no per-address limit sorts them out.
    const signUp = (i: number) =>
      fetch(`${server!.url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.2.0.${i}` },
        body: JSON.stringify({ email: `recrue${i}@exemple.fr`, password: 'un mot de passe solide', invitation: token }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { error?: { message: string } } }));
    const answers = await Promise.all([0, 1, 2, 3, 4].map(signUp));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 403).map((answer) => answer.body.error?.message)).toEqual(Array(4).fill(SIGN_UP_REFUSED));
    expect(await server.accounts.countUsers()).toBe(usersBefore + 1);
    const members = await newTrpcClient(server.url).workspaces.members.query({ workspaceId: server.admin.workspaceId });
    expect(members.filter((member) => member.email.startsWith('recrue'))).toHaveLength(1);
  });

  it('gives one answer to a sign-up by invitation that cannot go through, whether the email has an account or not', async () => {
    server = await newServer();
    const owner = newTrpcClient(server.url);
    const anonymous = newTrpcClient(server.url, { token: null });
    const { token } = await owner.workspaces.invite.mutate({ workspaceId: server.admin.workspaceId, role: 'viewer' });
    const taken = await anonymous.auth.signUp.mutate({ email: server.admin.email, password: 'un mot de passe solide', invitation: token }).then(
      () => 'created',
      (error: Error) => error.message,
    );
    expect(taken).toBe(SIGN_UP_REFUSED);
    expect(taken).not.toContain(server.admin.email);
    // The invitation was not used up by the refusal: its holder can still sign up.
    await anonymous.auth.signUp.mutate({ email: 'nouvelle@exemple.fr', password: 'un mot de passe solide', invitation: token });
    const used = await anonymous.auth.signUp.mutate({ email: 'jamais-vue@exemple.fr', password: 'un mot de passe solide', invitation: token }).then(
      () => 'created',
      (error: Error) => error.message,
    );
    expect(used).toBe(taken);
  });

  it('keeps an owner when two owners are demoted or removed in one batch', async () => {
    server = await newServer();
    const second = await addMember(server.accounts, server.admin.workspaceId, 'owner', 'Deuxième');
    const owner = newTrpcClient(server.url);
    const workspaceId = server.admin.workspaceId;
    const owners = async () => (await server!.accounts.listMembers(workspaceId)).filter((member) => member.role === 'owner');
    // Called in the same tick, the two calls travel in one batched request.
    const demotions = await Promise.allSettled([
      owner.workspaces.setRole.mutate({ workspaceId, userId: second.userId, role: 'editor' }),
      owner.workspaces.setRole.mutate({ workspaceId, userId: server.admin.userId, role: 'editor' }),
    ]);
    expect(demotions.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((demotions.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason)).toContain('L’espace de travail doit garder au moins un propriétaire.');
    expect(await owners()).toHaveLength(1);

    // Two owners again, then both removed in one batch (one leaves, the other is removed).
    const adminRemains = (await owners())[0]!.user.id === server.admin.userId;
    const promoter = adminRemains ? owner : newTrpcClient(server.url, { token: second.token });
    await promoter.workspaces.setRole.mutate({ workspaceId, userId: adminRemains ? second.userId : server.admin.userId, role: 'owner' });
    expect(await owners()).toHaveLength(2);
    const removals = await Promise.allSettled([
      owner.workspaces.removeMember.mutate({ workspaceId, userId: second.userId }),
      owner.workspaces.removeMember.mutate({ workspaceId, userId: server.admin.userId }),
    ]);
    expect(removals.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await owners()).toHaveLength(1);
  });

  it('refuses documents and workspaces past the instance’s quotas with a French message, checked in the transaction that creates', async () => {
    server = await newServer({ maxDocumentsPerWorkspace: 3, maxWorkspacesPerUser: 2 });
    const owner = newTrpcClient(server.url);
    // Five creations in one batched request: exactly the quota goes through.
    const created = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => owner.documents.create.mutate({ title: `Note ${i}` })));
    expect(created.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    const refusal = created.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(String(refusal.reason)).toContain('Cet espace de travail contient déjà 3 documents, la limite de cette instance');
    expect((await owner.documents.list.query({})).length).toBe(3);
    // The administrator already owns « Espace des tests »: one more workspace, then the limit.
    await owner.workspaces.create.mutate({ name: 'Deuxième espace' });
    await expect(owner.workspaces.create.mutate({ name: 'Troisième espace' })).rejects.toThrow('Vous possédez déjà 2 espaces de travail, la limite de cette instance');
  });
});

describe('API tokens', () => {
  /** A browser session: the cookie of a password login, sent from the app's origin. */
  async function sessionOf(url: string, email: string, password: string) {
    const login = await fetch(`${url}/trpc/auth.logIn`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    return async (procedure: string, input: unknown) => {
      const response = await fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify(input) });
      return { status: response.status, body: (await response.json()) as { result?: { data: unknown }; error?: { message: string } } };
    };
  }

  it('lists, creates and revokes one’s own tokens from the API; they expire by default and record their last use', async () => {
    server = await newServer({ apiTokenDays: 30 });
    const editor = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Awa');
    const call = await sessionOf(server.url, editor.email, editor.password);
    const created = await call('auth.tokens.create', { name: 'import nocturne' });
    expect(created.status).toBe(200);
    const { token, summary } = created.body.result!.data as { token: string; summary: { id: string; createdAt: string; expiresAt: string; lastUsedAt: string | null } };
    expect(token).toMatch(/^cnv_/);
    expect(Date.parse(summary.expiresAt) - Date.parse(summary.createdAt)).toBe(30 * 24 * 3600_000);
    expect(summary.lastUsedAt).toBeNull();

    const script = newTrpcClient(server.url, { token });
    await script.documents.list.query();
    const listed = await script.auth.tokens.list.query();
    // Only the editor's own tokens: the helper's and the new one, the latter now used.
    expect(listed.map((entry) => entry.name).sort()).toEqual(['import nocturne', 'tests']);
    expect(listed.find((entry) => entry.id === summary.id)?.lastUsedAt).not.toBeNull();
    // A token cannot mint another one (a stolen token must not outlive its revocation).
    await expect(script.auth.tokens.create.mutate({ name: 'relais' })).rejects.toThrow('Un jeton d’API ne peut pas créer d’autre jeton');

    // Somebody else's token is « introuvable », revoked or not.
    const adminTokens = await newTrpcClient(server.url).auth.tokens.list.query();
    await expect(script.auth.tokens.revoke.mutate({ id: adminTokens[0]!.id })).rejects.toThrow('Jeton introuvable ou déjà révoqué.');
    expect(await newTrpcClient(server.url).documents.list.query()).toBeDefined();

    expect((await call('auth.tokens.revoke', { id: summary.id })).status).toBe(200);
    const refused = await fetch(`${server.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    expect(await attemptUpgrade(server.syncUrl, token)).toBe(401);
  });

  it('lets an administrator revoke anybody’s token, refuses expired ones, and keeps old tokens without expiry valid', async () => {
    server = await newServer();
    const editor = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Awa');
    const editorTokens = await newTrpcClient(server.url, { token: editor.token }).auth.tokens.list.query();
    await newTrpcClient(server.url).auth.tokens.revoke.mutate({ id: editorTokens[0]!.id });
    expect((await fetch(`${server.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${editor.token}` } })).status).toBe(401);

    const user = (await server.accounts.findUserByEmail(editor.email))!;
    const shortLived = await server.auth.createApiToken(user.id, 'éphémère', 1);
    await waitFor(() => Date.now() > shortLived.expiresAt!);
    expect((await fetch(`${server.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${shortLived.token}` } })).status).toBe(401);

    const forever = await server.auth.createApiToken(user.id, 'ancien', null);
    const listed = await newTrpcClient(server.url, { token: forever.token }).auth.tokens.list.query();
    expect(listed.find((entry) => entry.id === forever.id)).toMatchObject({ expiresAt: null, expired: false });
    expect(listed.find((entry) => entry.id === shortLived.id)).toMatchObject({ expired: true });
  });
});

/** A sync upgrade with a bearer token: the HTTP status of its refusal, or 101. */
function attemptUpgrade(syncUrl: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${syncUrl}/inconnu`, { headers: { authorization: `Bearer ${token}` } });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => (socket.terminate(), resolve(101)));
    socket.once('error', () => undefined);
  });
}
