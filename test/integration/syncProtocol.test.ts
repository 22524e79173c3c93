import { afterEach, describe, expect, it } from 'vitest';
import { openStores } from '@canevas/sync-server';
import * as Y from 'yjs';
import {
  FlakyStore,
  encodeUpdateFrame,
  newDataDir,
  newClient,
  newRawClient,
  newServer,
  newTrpcClient,
  waitFor,
  type RawClient,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';

let server: TestServer | undefined;
const clients: TestClient[] = [];
const raws: RawClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const raw of raws.splice(0)) raw.socket.terminate();
  await server?.dispose();
  server = undefined;
});

async function setup(options: Parameters<typeof newServer>[0] = {}): Promise<{ server: TestServer; docId: string }> {
  server = await newServer(options);
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Document de test' });
  return { server, docId: id };
}

async function raw(url: string): Promise<RawClient> {
  const client = newRawClient(url);
  raws.push(client);
  await client.opened;
  return client;
}

function stock(syncUrl: string, docId: string): TestClient {
  const client = newClient(syncUrl, docId);
  clients.push(client);
  return client;
}

/** An update that inserts `text` for a fresh client. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('text').toString();
}

const updatesIn = (client: RawClient) =>
  client.messages.filter((message) => message.type === 0 && message.syncType === 2).map((message) => message.payload);

describe('relay', () => {
  it('never echoes an update to the connection that sent it', async () => {
    const { server, docId } = await setup();
    const alice = await raw(`${server.syncUrl}/${docId}`);
    const bob = await raw(`${server.syncUrl}/${docId}`);
    alice.sendSyncStep1();
    bob.sendSyncStep1();
    await waitFor(() => [alice, bob].every((client) => client.messages.some((message) => message.syncType === 1)));

    alice.sendUpdate(textUpdate('Alice'));
    await waitFor(() => updatesIn(bob).length === 1);
    bob.sendUpdate(textUpdate('Bob'));
    // Messages on one socket arrive in order: once Bob's edit reached Alice, an echo would have too.
    await waitFor(() => updatesIn(alice).length >= 1);

    expect(updatesIn(alice)).toHaveLength(1);
    expect(textOf(updatesIn(alice))).toBe('Bob');
    expect(textOf(updatesIn(bob))).toBe('Alice');
  });

  it('relays awareness between clients', async () => {
    const { server, docId } = await setup();
    const alice = stock(server.syncUrl, docId);
    const bob = stock(server.syncUrl, docId);
    await Promise.all([alice.synced, bob.synced]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    // The server writes the account's name (the test administrator's) over the client's claim.
    await waitFor(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Administratrice');
    alice.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID));
  });
});

describe('persisted acknowledgement (type 100)', () => {
  it('is sent after the commit to connections that asked with ack=1, carrying the server state vector', async () => {
    const { server, docId } = await setup();
    const writer = await raw(`${server.syncUrl}/${docId}?ack=1`);
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'Synchronisé');
    writer.sendUpdate(Y.encodeStateAsUpdate(doc));
    await waitFor(() => writer.messages.some((message) => message.type === 100));

    const ack = writer.messages.find((message) => message.type === 100)!;
    const stateVector = Y.decodeStateVector(ack.payload);
    expect(stateVector.get(doc.clientID)).toBe(doc.getText('text').length);
    expect((await server.store.loadDocument(docId))?.updates).toHaveLength(1);
  });

  it('is never sent to stock clients', async () => {
    const { server, docId } = await setup();
    const writer = await raw(`${server.syncUrl}/${docId}`);
    writer.sendUpdate(textUpdate('Sans accusé'));
    // A sync step 1 sent afterwards is answered only after that update's commit, hence after any ack.
    writer.sendSyncStep1();
    await waitFor(() => writer.messages.some((message) => message.syncType === 1));
    expect(writer.messages.some((message) => message.type === 100)).toBe(false);
    expect((await server.store.loadDocument(docId))?.updates).toHaveLength(1);
  });
});

describe('loading', () => {
  it('simultaneous first connections share one in-memory document: no duplicated content', async () => {
    const template = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Contenu du modèle' }] }],
    };
    server = await newServer({
      resolveTemplate: (referentialId, templateId) =>
        referentialId === 'tzcld' && templateId === 'plan-communication' ? template : undefined,
    });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({
      title: 'Plan de communication',
      referentialId: 'tzcld',
      templateId: 'plan-communication',
    });
    const many = Array.from({ length: 6 }, () => stock(server!.syncUrl, id));
    await Promise.all(many.map((client) => client.synced));

    expect(server.logs.events('sync.document_loaded')).toHaveLength(1);
    expect(server.stats().documents).toBe(1);
    for (const client of many) {
      const fragment = client.doc.getXmlFragment('default');
      expect(fragment.length).toBe(1);
      expect(fragment.toString()).toBe('<paragraph>Contenu du modèle</paragraph>');
    }
  });
});

describe('folding', () => {
  it('folds the log into a snapshot past the threshold, and a short log once the document stays idle', async () => {
    const { server, docId } = await setup({ foldThreshold: 10, idleFoldDelayMs: 1500 });
    const writer = await raw(`${server.syncUrl}/${docId}?ack=1`);
    const doc = new Y.Doc();
    const text = doc.getText('text');
    let acks = 0;
    for (let i = 0; i < 25; i++) {
      const before = Y.encodeStateVector(doc);
      text.insert(text.length, String(i % 10));
      writer.sendUpdate(Y.encodeStateAsUpdate(doc, before));
      // One update per commit, so the log really holds one row per edit.
      await waitFor(() => writer.messages.filter((message) => message.type === 100).length === acks + 1);
      acks++;
    }
    const whileOpen = await server.store.loadDocument(docId);
    expect(whileOpen!.updates.length).toBeLessThan(10);
    expect(whileOpen!.snapshot).not.toBeNull();

    writer.close();
    await waitFor(() => server.stats().documents === 0);
    // A short log is not folded at unload: someone coming back at once costs no rewrite.
    const afterUnload = await server.store.loadDocument(docId);
    expect(afterUnload!.updates).toHaveLength(whileOpen!.updates.length);
    const back = await raw(`${server.syncUrl}/${docId}`);
    back.sendSyncStep1();
    const step2 = await back.nextMessage((message) => message.syncType === 1);
    expect(textOf([step2.payload])).toBe('0123456789012345678901234');
    back.close();
    await waitFor(() => server.stats().documents === 0);
    await waitFor(async () => (await server.store.loadDocument(docId))!.updates.length === 0);
    const folded = await server.store.loadDocument(docId);
    expect(textOf([folded!.snapshot!])).toBe('0123456789012345678901234');
  });
});

describe('bad input', () => {
  it('closes a connection that sends a truncated update with 4400, stores nothing, leaves other documents alone', async () => {
    const { server, docId } = await setup();
    const { id: otherId } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Autre document' });
    const other1 = stock(server.syncUrl, otherId);
    const other2 = stock(server.syncUrl, otherId);
    const neighbour = stock(server.syncUrl, docId);
    await Promise.all([other1.synced, other2.synced, neighbour.synced]);

    const attacker = await raw(`${server.syncUrl}/${docId}`);
    const valid = textUpdate('jamais stocké');
    attacker.sendUpdate(valid.subarray(0, valid.length - 3));
    expect((await attacker.closed).code).toBe(4400);
    expect(server.logs.events('sync.malformed_message')).toHaveLength(1);

    const garbage = await raw(`${server.syncUrl}/${docId}`);
    garbage.send(new Uint8Array([0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect((await garbage.closed).code).toBe(4400);
    const unknownType = await raw(`${server.syncUrl}/${docId}`);
    unknownType.send(new Uint8Array([42]));
    expect((await unknownType.closed).code).toBe(4400);

    expect((await server.store.loadDocument(docId))!.updates).toHaveLength(0);
    other1.doc.getText('text').insert(0, 'toujours vivant');
    await waitFor(() => other2.text() === 'toujours vivant');
    expect(neighbour.provider.wsconnected).toBe(true);
    expect(neighbour.text()).toBe('');
  });

  it('closes with 1009 a frame above MAX_PAYLOAD', async () => {
    const { server, docId } = await setup({ maxPayload: 64 * 1024 });
    const client = await raw(`${server.syncUrl}/${docId}`);
    client.send(encodeUpdateFrame(new Uint8Array(100 * 1024)));
    expect((await client.closed).code).toBe(1009);
    expect((await server.store.loadDocument(docId))!.updates).toHaveLength(0);
  });

  it('closes with 4404 for an unknown document, and the stock client stops reconnecting', async () => {
    server = await newServer();
    const client = stock(server.syncUrl, 'inexistant');
    const closed = await client.closed;
    expect(closed.code).toBe(4404);
    expect(closed.reason).toBe('Document introuvable');
    expect(client.provider.shouldConnect).toBe(false);
  });

  it('refuses the upgrade with HTTP 400 for an invalid document id', async () => {
    server = await newServer();
    const client = newRawClient(`${server.syncUrl}/${encodeURIComponent('../etc/passwd')}`);
    const status = await new Promise<number>((resolve) =>
      client.socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(400);
  });
});

describe('write failures', () => {
  it('keeps updates queued while the store fails, relays nothing unstored, then stores and relays on recovery', async () => {
    const dataDir = await newDataDir();
    const stores = await openStores({ role: 'server', dataDir });
    const store = new FlakyStore(stores.documents);
    server = await newServer({ dataDir, stores: { ...stores, documents: store } });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Disque plein' });
    const alice = await raw(`${server.syncUrl}/${id}?ack=1`);
    const bob = await raw(`${server.syncUrl}/${id}`);

    store.failing = true;
    alice.sendUpdate(textUpdate('important'));
    await waitFor(() => store.failedAppends >= 2);
    expect(updatesIn(bob)).toHaveLength(0);
    expect(alice.messages.some((message) => message.type === 100)).toBe(false);
    expect(server.stats().documents).toBe(1);
    expect(server.stats().pendingUpdates).toBe(1);

    store.failing = false;
    await waitFor(() => updatesIn(bob).length === 1);
    expect(textOf(updatesIn(bob))).toBe('important');
    expect(alice.messages.some((message) => message.type === 100)).toBe(true);
    expect((await server.store.loadDocument(id))!.updates).toHaveLength(1);
    expect(server.logs.events('store.append_failed').length).toBeGreaterThanOrEqual(2);
  });

  it('shutdown keeps retrying pending writes and reports none left once the store recovers', async () => {
    const dataDir = await newDataDir();
    const stores = await openStores({ role: 'server', dataDir });
    const store = new FlakyStore(stores.documents);
    server = await newServer({ dataDir, stores: { ...stores, documents: store } });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Arrêt propre' });
    const alice = await raw(`${server.syncUrl}/${id}`);
    store.failing = true;
    alice.sendUpdate(textUpdate('à garder'));
    await waitFor(() => store.failedAppends >= 1);

    const closing = server.close();
    await waitFor(() => store.failedAppends >= 2);
    store.failing = false;
    expect(await closing).toEqual({ unstoredUpdates: 0 });

    const reopened = await newServer({ dataDir });
    const stored = await reopened.store.loadDocument(id);
    expect(textOf([stored!.snapshot!, ...stored!.updates.map((row) => row.update)])).toBe('à garder');
    await reopened.close();
  });
});
