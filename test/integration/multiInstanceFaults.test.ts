import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE_PERSISTED, MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, readPersistedBody, type StorageStatus } from '@canevas/core';
import { openStores } from '@canevas/sync-server';
import * as decoding from 'lib0/decoding';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { newTrpcClient, spawnServer, waitFor, type ServerProcess } from '../helpers/index.js';
import { haproxyBinary, startBalancer, type ThrowawayBalancer } from '../helpers/haproxy.js';
import { startThrowawayCluster, type ThrowawayCluster } from '../helpers/postgresCluster.js';
import { redisServerBinary, startThrowawayRedis, type ThrowawayRedis } from '../helpers/redisServer.js';

// Faults on real processes behind the real balancer (issue 15): three `canevas serve` children on
// one PostgreSQL cluster of this file's own (it is stopped in one case) and one redis-server,
// HAProxy with deploy/haproxy.cfg in front, stock y-websocket clients through it.
//
// « Acknowledged » is the server's own word for durable: a client that opens its socket with
// `ack=1` receives, after each commit that included its updates, type 100 with the state vector
// the store holds (apps/sync-server/README.md, « Persisted acknowledgement »). A client's edit
// (its own Yjs client id, the clock its insertion reached) is acknowledged once a type 100 it
// received covers that clock. « Relayed » means that another client's document holds it. Every
// edit in either set must be in PostgreSQL, and in every client's document in the end.
const installed = redisServerBinary() !== undefined && haproxyBinary() !== undefined;
if (!installed) console.warn('multiInstanceFaults: redis-server or haproxy is not installed (scripts/setup.sh installs them): skipped.');

const INSTANCES = 3;

describe.skipIf(!installed)('several instances behind HAProxy, under faults', () => {
  let cluster: ThrowawayCluster;
  let databaseUrl: string;
  let redis: ThrowawayRedis;
  let balancer: ThrowawayBalancer;
  let root: string;
  /** HAProxy's server names (canevas1…3) in the order of the configuration's addresses. */
  const instances = new Map<string, { process: ServerProcess; dataDir: string; port: number }>();
  const writers: Writer[] = [];
  let token: string;

  beforeAll(async () => {
    // Its own cluster: stopping the run's shared one would fail the other files.
    [cluster, redis, root] = await Promise.all([startThrowawayCluster(), startThrowawayRedis(), mkdtemp(join(tmpdir(), 'canevas-faults-'))]);
    await admin(cluster.url, 'CREATE DATABASE canevas');
    databaseUrl = cluster.url.replace(/\/postgres$/, '/canevas');
    // The first one migrates the database; the others start together.
    const first = await startInstance('canevas1');
    token = first.admin.token;
    await Promise.all(['canevas2', 'canevas3'].map((name) => startInstance(name)));
    balancer = await startBalancer(
      [...instances.values()].map(({ port }) => `127.0.0.1:${port}`),
      { checkIntervalMs: 200 },
    );
  });

  afterEach(async () => {
    for (const writer of writers.splice(0)) writer.destroy();
    // A case that stopped an instance starts it again, on the same port, for the next one.
    for (const [name, instance] of instances) {
      if (instance.process.child.exitCode === null && instance.process.child.signalCode === null) continue;
      await startInstance(name, instance.port);
    }
  });

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(
      [...instances.values()].map(async ({ process }) => {
        if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill('SIGKILL');
        await process.exited;
      }),
    );
    await redis?.stop();
    await cluster?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function startInstance(name: string, port = 0): Promise<ServerProcess> {
    const dataDir = instances.get(name)?.dataDir ?? join(root, name);
    const process = await spawnServer(dataDir, ['--port', String(port)], {
      env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, INSTANCE_NAME: name, DATABASE_POOL_SIZE: '4' },
    });
    instances.set(name, { process, dataDir, port: Number(new URL(process.url).port) });
    return process;
  }

  function instance(name: string): ServerProcess {
    return instances.get(name)!.process;
  }

  async function newDocument(title: string): Promise<string> {
    // Through the balancer, as a script would.
    const { id } = await newTrpcClient(balancer.url, { token }).documents.create.mutate({ title });
    return id;
  }

  function writer(docId: string, name: string): Writer {
    const created = newWriter(balancer.syncUrl, docId, token, name);
    writers.push(created);
    return created;
  }

  /** The document as PostgreSQL holds it (snapshot and log), read by a store of its own. */
  async function storedText(docId: string): Promise<string> {
    const stores = await openStores({ role: 'command', dataDir: root, databaseUrl });
    try {
      const stored = await stores.documents.loadDocument(docId);
      const doc = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
      return doc.getText('text').toString();
    } finally {
      await stores.close();
    }
  }

  it('stock clients through the balancer land on all three instances and converge', async () => {
    const id = await newDocument('Derrière le répartiteur');
    const group = Array.from({ length: 6 }, (_, index) => writer(id, `w${index}`));
    await Promise.all(group.map((member) => member.synced));
    // leastconn: six sockets on three idle instances, two each.
    expect(new Set(group.map((member) => member.server())).size).toBe(INSTANCES);
    for (const member of group) member.type();
    await waitFor(() => group.every((member) => group.every((other) => member.text().includes(other.typed[0]!.marker))), {
      message: () => `texts: ${JSON.stringify(group.map((member) => member.text()))}`,
    });
    // The health endpoint answers through the balancer too, naming one instance.
    const health = (await newTrpcClient(balancer.url, { token }).health.query()) as { ok: boolean; instance?: string; redis?: string };
    expect(health).toMatchObject({ ok: true, redis: 'ok' });
    expect([...instances.keys()]).toContain(health.instance);
  });

  it('SIGTERM on one instance drains its sockets: its clients reconnect elsewhere through the balancer, nothing is lost', async () => {
    const id = await newDocument('Arrêt propre');
    const group = Array.from({ length: 6 }, (_, index) => writer(id, `t${index}`));
    await Promise.all(group.map((member) => member.synced));
    const victim = group[0]!.server()!;
    const leaving = group.filter((member) => member.server() === victim);
    const typing = keepTyping(group);
    await waitFor(() => group.every((member) => member.acknowledged().length >= 3));

    const stopped = instance(victim);
    stopped.child.kill('SIGTERM');
    // It stored everything it held before closing: a clean exit.
    expect(await stopped.exited).toBe(0);
    expect(stopped.stderr.some((line) => line.includes('"server.closed"') && line.includes('"unstoredUpdates":0'))).toBe(true);
    // Its clients are back, on the others, and their edits made since are acknowledged there.
    await waitFor(() => leaving.every((member) => member.server() !== undefined && member.server() !== victim), {
      message: () => `servers: ${JSON.stringify(leaving.map((member) => member.server()))}`,
    });
    const typedBefore = new Map(leaving.map((member) => [member, member.typed.length]));
    await waitFor(() => leaving.every((member) => member.acknowledged().length > typedBefore.get(member)!));
    typing.stop();

    await converged(group);
    expect(missingFrom(await storedText(id), group)).toEqual([]);
  });
});

/** Each writer types a marker every few milliseconds until `stop` (load, not a measure). */
function keepTyping(group: readonly Writer[], everyMs = 40): { stop(): void } {
  const timers = group.map((member, index) =>
    setTimeout(function tick() {
      if (!member.held) member.type();
      timers[index] = setTimeout(tick, everyMs);
    }, (everyMs * index) / group.length),
  );
  return {
    stop: () => timers.forEach((timer) => clearTimeout(timer)),
  };
}

/** Every marker any writer of `group` typed that `text` lacks. */
function missingFrom(text: string, group: readonly Writer[]): string[] {
  return group.flatMap((member) => member.typed.map((edit) => edit.marker)).filter((marker) => !text.includes(marker));
}

/** Waits until every writer holds every marker any of them typed, and all texts are the same. */
async function converged(group: readonly Writer[]): Promise<void> {
  await waitFor(() => group.every((member) => missingFrom(member.text(), group).length === 0) && new Set(group.map((member) => member.text())).size === 1, {
    message: () =>
      `missing: ${JSON.stringify(Object.fromEntries(group.map((member) => [member.name, missingFrom(member.text(), group).slice(0, 5)])))}; connected: ${JSON.stringify(group.map((member) => member.server()))}`,
  });
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface TypedEdit {
  marker: string;
  /** The writer's clock once the marker was inserted: acknowledged when a type 100 covers it. */
  clock: number;
}

/** A stock y-websocket client through the balancer, with `ack=1`, that types markers. */
interface Writer {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  typed: TypedEdit[];
  /** Storage statuses (type 101) received, in order. */
  statuses: StorageStatus[];
  /** Times its socket closed. */
  disconnects: number;
  /** When set, the next closed socket is not reopened (as a tab closed with its instance) until `release`. */
  holdOnClose: boolean;
  held: boolean;
  release(): void;
  /** The balancer's name of the instance serving its socket now (HAProxy's X-Canevas-Server). */
  server(): string | undefined;
  /** Inserts the next marker at the start of the text. */
  type(): TypedEdit;
  acknowledged(): TypedEdit[];
  text(): string;
  destroy(): void;
}

function newWriter(syncUrl: string, docId: string, token: string, name: string): Writer {
  const doc = new Y.Doc();
  let served: string | undefined;
  class BalancedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } });
      served = undefined;
      this.once('upgrade', (response) => (served = response.headers['x-canevas-server'] as string | undefined));
    }
  }
  const provider = new WebsocketProvider(syncUrl, docId, doc, {
    disableBc: true,
    params: { ack: '1' },
    WebSocketPolyfill: BalancedWebSocket as unknown as typeof globalThis.WebSocket,
  });
  let ackedClock = 0;
  const writer: Writer = {
    name,
    doc,
    provider,
    synced: new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', (state: boolean) => state && resolve());
    }),
    typed: [],
    statuses: [],
    disconnects: 0,
    holdOnClose: false,
    held: false,
    release() {
      writer.held = false;
      provider.connect();
    },
    server: () => (provider.wsconnected ? served : undefined),
    type() {
      const marker = `‹${name}.${writer.typed.length}›`;
      doc.getText('text').insert(0, marker);
      const edit = { marker, clock: Y.getState(doc.store, doc.clientID) };
      writer.typed.push(edit);
      return edit;
    },
    acknowledged: () => writer.typed.filter((edit) => edit.clock <= ackedClock),
    text: () => doc.getText('text').toString(),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  // The two server messages a stock client does not know (it would log « Unable to compute message »).
  provider.messageHandlers[MESSAGE_PERSISTED] = (_encoder, decoder) => {
    const stored = Y.decodeStateVector(readPersistedBody(decoder));
    ackedClock = Math.max(ackedClock, stored.get(doc.clientID) ?? 0);
  };
  provider.messageHandlers[MESSAGE_STORAGE_STATUS] = (_encoder, decoder) => {
    writer.statuses.push(decodeStorageStatusPayload(decoding.readVarUint8Array(decoder)));
  };
  provider.on('connection-close', () => {
    writer.disconnects++;
    if (!writer.holdOnClose) return;
    // Read by the reconnect the provider schedules next: it does nothing while this is false.
    writer.holdOnClose = false;
    writer.held = true;
    provider.shouldConnect = false;
  });
  return writer;
}
