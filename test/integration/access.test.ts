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
      'Cette invitation n’est plus valable.',
    );
  });
});
