import { rm } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  newClient,
  newDataDir,
  newRawClient,
  newServer,
  newTrpcClient,
  waitFor,
  type RawClient,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';

const servers: TestServer[] = [];
const stockClients: TestClient[] = [];
let rawClients: RawClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of rawClients.splice(0)) client.socket.terminate();
  for (const client of stockClients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const DOCUMENTS = 5;
const CONNECTIONS = 1000;
/** One stock y-websocket provider per document, the rest raw clients (much cheaper in a test). */
const RAW = CONNECTIONS - DOCUMENTS;
const MiB = 1024 * 1024;

/** The key each raw participant writes in a phase: all of them must survive. */
const keyOf = (participant: number, phase: number) => `p${participant}-phase${phase}`;

it('a reconnect storm of 1,000 clients: full sync for each, one load per document, no edit lost, all unloaded', async () => {
  const startedAt = Date.now();
  const dataDir = await newDataDir();
  dirs.push(dataDir);
  let server = await newServer({ dataDir });
  servers.push(server);
  const port = server.port;
  const api = newTrpcClient(server.url);
  const docIds = await Promise.all(
    Array.from({ length: DOCUMENTS }, async (_, d) => (await api.documents.create.mutate({ title: `Fiche action ${d + 1}` })).id),
  );
  const docOf = (participant: number) => docIds[participant % DOCUMENTS]!;
  /** Per document, every map key a participant wrote and got acknowledged (stored). */
  const expected = new Map(docIds.map((id) => [id, new Set<string>()]));
  const expectedText = new Map(docIds.map((id) => [id, '']));
  const durations: string[] = [];
  const lap = (what: string, since: number) => durations.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`);

  /** What a participant must see in a document: every acknowledged key and the stock clients' text. */
  function missingIn(doc: Y.Doc, docId: string): string[] {
    const participants = doc.getMap('participants');
    const missing = [...expected.get(docId)!].filter((key) => !participants.has(key));
    if (doc.getText('text').toString() !== expectedText.get(docId)) missing.push(`text ${JSON.stringify(doc.getText('text').toString())}`);
    return missing;
  }

  /** One raw participant: its sync step 2 must hold the full content; then it writes its key and waits until stored. */
  async function join(client: RawClient, participant: number, phase: number): Promise<{ docId: string; key: string }> {
    const docId = docOf(participant);
    await client.opened.catch((error: Error) => {
      throw new Error(`participant ${participant} could not connect in phase ${phase}: ${error.message}`);
    });
    client.sendSyncStep1();
    const step2 = await client.nextMessage((message) => message.syncType === 1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2.payload);
    expect(missingIn(doc, docId), `participant ${participant} in phase ${phase}`).toEqual([]);
    const before = Y.encodeStateVector(doc);
    doc.getMap('participants').set(keyOf(participant, phase), participant);
    client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    doc.destroy();
    await client.nextMessage((message) => message.type === 100);
    return { docId, key: keyOf(participant, phase) };
  }

  /** Every raw participant connects at the same moment, with acknowledgements. */
  async function storm(phase: number, url: string): Promise<{ seconds: number; health: unknown }> {
    const began = Date.now();
    rawClients = Array.from({ length: RAW }, (_, participant) => newRawClient(`${url}/${docOf(participant)}?ack=1`));
    // The server must keep answering other requests in the middle of the storm.
    const health = newTrpcClient(url.replace(/^ws/, 'http').replace(/\/sync$/, '')).health.query();
    const [written, answer] = await Promise.all([Promise.all(rawClients.map((client, participant) => join(client, participant, phase))), health]);
    for (const { docId, key } of written) expected.get(docId)!.add(key);
    // The relayed updates of 200 peers per document are not needed any more.
    for (const client of rawClients) client.messages.length = 0;
    return { seconds: (Date.now() - began) / 1000, health: answer };
  }

  function loadsSoFar(target: TestServer): Map<string, number> {
    const loads = new Map<string, number>();
    for (const event of target.logs.events('sync.document_loaded')) loads.set(String(event.docId), (loads.get(String(event.docId)) ?? 0) + 1);
    return loads;
  }

  // Phase 0: everyone joins, one stock provider per document types a line.
  let since = Date.now();
  for (const docId of docIds) stockClients.push(newClient(server.syncUrl, docId));
  await Promise.all(stockClients.map((client) => client.synced));
  for (const [d, client] of stockClients.entries()) {
    client.doc.getText('text').insert(0, `Objectif ${d + 1} : accompagner vers l’emploi. `);
    expectedText.set(docIds[d]!, client.text());
  }
  await waitFor(() => docIds.every((docId) => liveText(server, docId) === expectedText.get(docId)));
  await waitFor(() => server.stats().pendingUpdates === 0);
  const joined = await storm(0, server.syncUrl);
  expect(joined.health).toMatchObject({ ok: true });
  lap('1,000 joined', since);

  // Phase 1: every connection drops at once (no close handshake, as when a network link fails),
  // and everyone reconnects at once, while the server unloads and folds the documents.
  since = Date.now();
  const loadsBefore = loadsSoFar(server);
  for (const client of rawClients) client.socket.terminate();
  for (const client of stockClients) client.provider.ws?.close();
  const dropped = await storm(1, server.syncUrl);
  expect(dropped.health).toMatchObject({ ok: true });
  await waitFor(() => stockClients.every((client) => client.provider.synced && client.provider.wsconnected), { timeoutMs: 20_000 });
  lap('drop and reconnect', since);
  // Nobody leaves during the storm: a document is either kept in memory or loaded once again,
  // never twice, and never held twice.
  const loadsAfterDrop = loadsSoFar(server);
  const reloads = docIds.filter((docId) => (loadsAfterDrop.get(docId) ?? 0) > (loadsBefore.get(docId) ?? 0)).length;
  for (const docId of docIds) expect((loadsAfterDrop.get(docId) ?? 0) - (loadsBefore.get(docId) ?? 0), docId).toBeLessThanOrEqual(1);
  expect(server.stats()).toMatchObject({ documents: DOCUMENTS, loading: 0, connections: CONNECTIONS });

  // Phase 2: the server restarts on the same port; the stock providers reconnect by themselves,
  // the raw clients all at once as soon as it listens.
  since = Date.now();
  const closing = server.close();
  const closeCodes = await Promise.all(rawClients.slice(0, 20).map((client) => client.closed));
  expect(closeCodes.map(({ code }) => code)).toEqual(Array(20).fill(1001));
  expect(await closing).toEqual({ unstoredUpdates: 0 });
  servers.splice(servers.indexOf(server), 1);
  server = await newServer({ dataDir, port });
  servers.push(server);
  const restarted = await storm(2, server.syncUrl);
  expect(restarted.health).toMatchObject({ ok: true });
  await waitFor(() => stockClients.every((client) => client.provider.synced && client.provider.wsconnected), { timeoutMs: 20_000 });
  lap('restart and reconnect', since);
  // A fresh server: each document loaded exactly once for its 200 simultaneous first clients.
  expect(Object.fromEntries(loadsSoFar(server))).toEqual(Object.fromEntries(docIds.map((docId) => [docId, 1])));
  expect(server.stats()).toMatchObject({ documents: DOCUMENTS, loading: 0, connections: CONNECTIONS });

  // The stock clients converge on everything the raw clients wrote in the three phases.
  await waitFor(() => stockClients.every((client, d) => missingIn(client.doc, docIds[d]!).length === 0), {
    timeoutMs: 20_000,
    message: () => JSON.stringify(stockClients.map((client, d) => missingIn(client.doc, docIds[d]!).slice(0, 5))),
  });

  // Everyone leaves: the server unloads every document, and the store holds every edit.
  since = Date.now();
  for (const client of rawClients) client.close();
  for (const client of stockClients.splice(0)) client.destroy();
  await waitFor(() => {
    const stats = server.stats();
    return stats.documents === 0 && stats.loading === 0 && stats.connections === 0;
  }, { timeoutMs: 30_000, message: () => JSON.stringify(server.stats()) });
  lap('everyone left, all unloaded', since);
  expect(server.stats()).toEqual({ documents: 0, loading: 0, connections: 0, pendingUpdates: 0 });
  for (const docId of docIds) {
    const stored = await server.store.loadDocument(docId);
    const doc = new Y.Doc();
    if (stored!.snapshot) Y.applyUpdate(doc, stored!.snapshot);
    for (const { update } of stored!.updates) Y.applyUpdate(doc, update);
    expect(missingIn(doc, docId)).toEqual([]);
    expect(doc.getMap('participants').size).toBe(expected.get(docId)!.size);
    doc.destroy();
  }
  expect([...expected.values()].reduce((sum, keys) => sum + keys.size, 0)).toBe(RAW * 3);

  const { maxRSS } = process.resourceUsage();
  console.info(
    `reconnect storm: ${CONNECTIONS} connections on ${DOCUMENTS} documents; storms ${joined.seconds.toFixed(1)} s, ` +
      `${dropped.seconds.toFixed(1)} s, ${restarted.seconds.toFixed(1)} s; ${durations.join(', ')}; ` +
      `${reloads} of ${DOCUMENTS} documents unloaded and loaded again during the drop; ` +
      `total ${((Date.now() - startedAt) / 1000).toFixed(1)} s; peak RSS of the test process (server and clients) ${(maxRSS / 1024).toFixed(0)} MiB, ` +
      `heap now ${(process.memoryUsage().heapUsed / MiB).toFixed(0)} MiB`,
  );
  // About 25 s on an idle 2-core machine; the deadline only turns a hang into a failure.
}, 240_000);

function liveText(server: TestServer, docId: string): string | undefined {
  const state = server.engine.liveState(docId);
  if (!state) return undefined;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.getText('text').toString();
  doc.destroy();
  return text;
}
