import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { newClient, newDataDir, newRawClient, newServer, newTrpcClient, serverDatabase, waitFor, type RawClient, type TestClient, type TestServer } from '../helpers/index.js';
import { fillDisk as fillFile, storageStatuses } from '../helpers/storageFaults.js';

// A browser whose socket dropped during a write fault must get back in: opening a socket writes
// the access log and the token's last use, and neither may turn the upgrade into an HTTP 500.

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const raws: RawClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function stock(syncUrl: string, docId: string, params?: Record<string, string>): TestClient {
  const client = newClient(syncUrl, docId, params ? { params } : {});
  clients.push(client);
  return client;
}

describe('opening a sync socket while the disk is full', () => {
  it('connects (token and ticket), reports the fault, serves the content, and writes the access log once the disk recovers', async () => {
    const server = await start();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Reconnexion pendant la panne' });
    const { id: other } = await api.documents.create.mutate({ title: 'Écrit pendant la panne' });
    const writer = stock(server.syncUrl, id);
    const otherWriter = stock(server.syncUrl, other);
    await Promise.all([writer.synced, otherWriter.synced]);
    writer.doc.getText('text').insert(0, 'Texte enregistré.');
    await waitFor(async () => ((await server.store.loadDocument(id))?.updates.length ?? 0) > 0);
    const openingsBefore = (await api.privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'document.open').length;
    const ticketTarget = await api.documents.syncTarget.query({ id });
    writer.destroy();

    const lift = await fillDisk(server, id);
    // A write that needs new pages, on another document: the engine now knows storage is failing.
    otherWriter.doc.getText('text').insert(0, `Pendant la panne : ${'x'.repeat(20_000)}`);
    await waitFor(() => server.logs.events('store.append_failed').length > 0);

    // API token (stock client with its bearer header), ack=1 raw client, and a single-use ticket.
    const viaToken = stock(server.syncUrl, id);
    const watcher = newRawClient(`${server.syncUrl}/${id}?ack=1`);
    raws.push(watcher);
    const viaTicket = stock(ticketTarget.url, id, ticketTarget.params);
    await Promise.all([viaToken.synced, watcher.opened, viaTicket.synced]);
    expect(viaToken.text()).toBe('Texte enregistré.');
    expect(viaTicket.text()).toBe('Texte enregistré.');
    await waitFor(() => storageStatuses(watcher).length > 0);
    expect(storageStatuses(watcher)[0]).toMatchObject({ state: 'failing', kind: 'full' });
    // The openings really were refused by SQLite, and kept.
    expect(server.logs.events('audit.deferred')).toHaveLength(1);
    expect(server.logs.events('sync.authorize_failed')).toHaveLength(0);

    lift();
    await waitFor(() => storageStatuses(watcher).at(-1)?.state === 'writable');
    // The next opening writes the waiting ones first, in order.
    const afterRecovery = stock(server.syncUrl, id);
    await afterRecovery.synced;
    const openings = (await api.privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'document.open');
    expect(openings).toHaveLength(openingsBefore + 4);
    expect(server.logs.events('audit.deferred_written')).toEqual([expect.objectContaining({ count: 3 })]);
    expect(server.logs.events('audit.entries_lost')).toHaveLength(0);
  });

  it('connects with an API token while the database is read-only (its last use is best effort)', async () => {
    const server = await start();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Base en lecture seule' });
    const writer = stock(server.syncUrl, id);
    await writer.synced;
    writer.doc.getText('text').insert(0, 'Déjà enregistré.');
    await waitFor(async () => ((await server.store.loadDocument(id))?.updates.length ?? 0) > 0);
    writer.destroy();

    // Every write fails, the token's in-place update included.
    const db = serverDatabase(server);
    db.pragma('query_only = ON');
    const reader = stock(server.syncUrl, id);
    await reader.synced;
    expect(reader.text()).toBe('Déjà enregistré.');
    expect(server.logs.events('audit.deferred')).toHaveLength(1);

    db.pragma('query_only = OFF');
    await stock(server.syncUrl, id).synced;
    const openings = (await api.privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'document.open');
    expect(openings).toHaveLength(3);
  });

  it('opens a submitted version while the database is read-only, and logs that opening once it recovers', async () => {
    const server = await start();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Mémoire soumis' });
    const writer = stock(server.syncUrl, id);
    await writer.synced;
    writer.doc.getText('text').insert(0, 'Version pour la tutrice.');
    await waitFor(async () => ((await server.store.loadDocument(id))?.updates.length ?? 0) > 0);
    const submitted = await api.submissions.create.mutate({ documentId: id, name: 'Version 1' });

    const db = serverDatabase(server);
    db.pragma('query_only = ON');
    const frozen = await api.submissions.get.query({ id: submitted.id });
    expect(frozen).toMatchObject({ id: submitted.id, name: 'Version 1' });
    expect(server.logs.events('audit.deferred')).toHaveLength(1);

    db.pragma('query_only = OFF');
    await api.submissions.get.query({ id: submitted.id });
    const opened = (await api.privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'submission.opened');
    expect(opened).toHaveLength(2);
  });

  it('writes the openings still waiting when the server stops', async () => {
    const server = await start();
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Arrêt pendant la panne' });
    const lift = await fillDisk(server, id);
    const late = stock(server.syncUrl, id);
    await late.synced;
    expect(server.logs.events('audit.deferred')).toHaveLength(1);

    lift();
    for (const client of clients.splice(0)) client.destroy();
    servers.splice(0);
    expect(await server.close()).toEqual({ unstoredUpdates: 0 });
    expect(server.logs.events('audit.entries_lost')).toHaveLength(0);

    const restarted = await start(server.dataDir);
    const openings = (await newTrpcClient(restarted.url).privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'document.open');
    expect(openings).toHaveLength(1);
  });
});

async function start(dataDir?: string): Promise<TestServer> {
  if (dataDir === undefined) {
    dataDir = await newDataDir();
    dirs.push(dataDir);
  }
  const server = await newServer({ dataDir });
  servers.push(server);
  return server;
}

/**
 * A full disk for this document's access log too: the file may not grow, and the log's last pages
 * are filled with tiny entries (a row that fits a free slot would otherwise still be written).
 */
async function fillDisk(server: TestServer, documentId: string): Promise<() => void> {
  const lift = fillFile(server);
  for (let filler = 0; ; filler++) {
    if (filler > 100_000) throw new Error('fillDisk: the access log never filled up');
    try {
      await server.accounts.audit({ at: Date.now(), userId: null, action: 'x', documentId });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_FULL') return lift;
      throw error;
    }
  }
}
