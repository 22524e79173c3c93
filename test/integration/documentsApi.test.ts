import { request } from 'node:http';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from '@canevas/core';
import { newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { message: error.message, code: (error.data as { code?: string } | undefined)?.code };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('documents API', () => {
  it('creates, lists, renames and deletes documents', async () => {
    server = await newServer();
    const api = newTrpcClient(server.url);
    expect(await api.health.query()).toEqual({ ok: true, version: expect.any(String) });

    const { id } = await api.documents.create.mutate({ title: '  Plan de communication — Territoire de Lormont  ' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const { id: second } = await api.documents.create.mutate({ title: 'Budget', workspaceId: server.admin.workspaceId });

    const listed = await api.documents.list.query();
    expect(listed.map((document) => document.id).sort()).toEqual([id, second].sort());
    const first = listed.find((document) => document.id === id)!;
    expect(first).toMatchObject({
      title: 'Plan de communication — Territoire de Lormont',
      referentialId: null,
      templateId: null,
      // Without workspaceId, a document goes to the caller's only writable workspace.
      workspaceId: server.admin.workspaceId,
    });
    expect(new Date(first.createdAt).getTime()).toBeGreaterThan(0);
    expect(listed.find((document) => document.id === second)!.workspaceId).toBe(server.admin.workspaceId);

    const renamed = await api.documents.rename.mutate({ id, title: 'Plan de communication 2026' });
    expect(renamed.title).toBe('Plan de communication 2026');
    expect((await api.documents.get.query({ id })).title).toBe('Plan de communication 2026');

    await api.documents.delete.mutate({ id });
    expect((await api.documents.list.query()).map((document) => document.id)).toEqual([second]);
    expect(await server.store.loadDocument(id)).toBeUndefined();
  });

  it('rejects bad input with clear French messages', async () => {
    server = await newServer();
    const api = newTrpcClient(server.url);
    expect(await failure(api.documents.create.mutate({ title: '   ' }))).toEqual({
      message: 'Le titre est obligatoire.',
      code: 'BAD_REQUEST',
    });
    expect(await failure(api.documents.create.mutate({ title: 'x'.repeat(201) }))).toEqual({
      message: 'Le titre ne doit pas dépasser 200 caractères.',
      code: 'BAD_REQUEST',
    });
    expect((await failure(api.documents.rename.mutate({ id: 'a/b', title: 'Titre' }))).message).toBe(
      'Identifiant de document invalide.',
    );
    expect(await failure(api.documents.rename.mutate({ id: 'absent', title: 'Titre' }))).toEqual({
      message: 'Document introuvable.',
      code: 'NOT_FOUND',
    });
    expect((await failure(api.documents.delete.mutate({ id: 'absent' }))).code).toBe('NOT_FOUND');
    expect((await failure(api.documents.syncTarget.query({ id: 'absent' }))).code).toBe('NOT_FOUND');
    expect(
      await failure(api.documents.create.mutate({ title: 'Dossier', referentialId: 'cefi', templateId: 'inconnu' })),
    ).toEqual({ message: 'Modèle inconnu : « inconnu » dans le référentiel « cefi ».', code: 'BAD_REQUEST' });
    expect((await failure(api.documents.create.mutate({ title: 'Dossier', templateId: 'seul' }))).code).toBe('BAD_REQUEST');
    expect(await api.documents.list.query()).toEqual([]);
  });

  it('answers 413 to a request body above the limit', async () => {
    server = await newServer({ maxBodySize: 1024 });
    const response = await fetch(`${server.url}/trpc/documents.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.admin.token}` },
      body: JSON.stringify({ title: 'x'.repeat(4096) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Requête trop volumineuse.');
  });

  it('creates documents from a template on the server', async () => {
    server = await newServer({
      resolveTemplate: (referentialId, templateId) =>
        referentialId === 'tzcld' && templateId === 'budget'
          ? { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Budget' }] }] }
          : undefined,
    });
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Budget 2026', referentialId: 'tzcld', templateId: 'budget' });
    const summary = await api.documents.get.query({ id });
    expect(summary).toMatchObject({ referentialId: 'tzcld', templateId: 'budget' });
    const client = newClient(server.syncUrl, id);
    clients.push(client);
    await client.synced;
    expect(client.doc.getXmlFragment('default').toString()).toBe('<heading level="1">Budget</heading>');
  });

  it('syncTarget returns what a stock WebsocketProvider needs, from the Host header or PUBLIC_URL', async () => {
    server = await newServer();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Cible' });
    const target = await api.documents.syncTarget.query({ id });
    // A script signed in with an API token gets single-use tickets for the sockets.
    expect(target).toEqual({
      url: server.syncUrl,
      room: id,
      params: { ticket: expect.stringMatching(/^t_[\w-]{43}$/) },
      review: { room: `${id}/review`, params: { ticket: expect.stringMatching(/^t_[\w-]{43}$/) } },
      // The workspace's first member: the palette's first colour.
      presenceColor: PRESENCE_COLORS[0],
    });

    const client = newClient(target.url, target.room, { params: target.params, token: null });
    clients.push(client);
    await client.synced;

    const viaProxy = await getJson(server.url, `/trpc/documents.syncTarget?input=${encodeURIComponent(JSON.stringify({ id }))}`, {
      host: 'canevas.example.org:8443',
      authorization: `Bearer ${server.admin.token}`,
    });
    expect(viaProxy.result.data.url).toBe('ws://canevas.example.org:8443/sync');
    await server.dispose();

    server = await newServer({ publicUrl: 'https://canevas.example.org/atelier/' });
    const { id: other } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Derrière un proxy' });
    expect((await newTrpcClient(server.url).documents.syncTarget.query({ id: other })).url).toBe(
      'wss://canevas.example.org/atelier/sync',
    );
  });

  it('deleting an open document closes its connections with 4410', async () => {
    server = await newServer();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'À supprimer' });
    const client = newClient(server.syncUrl, id);
    clients.push(client);
    await client.synced;
    client.doc.getText('text').insert(0, 'contenu');
    await waitFor(async () => ((await server!.store.loadDocument(id))?.updates.length ?? 0) > 0);

    await api.documents.delete.mutate({ id });
    const closed = await client.closed;
    expect(closed.code).toBe(4410);
    expect(server.stats().documents).toBe(0);
    expect(await server.store.loadDocument(id)).toBeUndefined();
  });
});

function getJson(base: string, path: string, headers: Record<string, string>): Promise<{ result: { data: { url: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body) as { result: { data: { url: string } } }));
    });
    req.on('error', reject);
    req.end();
  });
}
