import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE_PERSISTED, MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, readPersistedBody, type StorageStatus } from '@canevas/core';
import { DatabaseInUseError, openStores } from '@canevas/sync-server';
import * as decoding from 'lib0/decoding';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

/** HAProxy's names of the servers in deploy/haproxy.cfg, which the instances take as INSTANCE_NAME. */
const NAMES = ['canevas1', 'canevas2', 'canevas3'] as const;
const INSTANCES = NAMES.length;

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
    const first = await startInstance(NAMES[0]);
    token = first.admin.token;
    await Promise.all(NAMES.slice(1).map((name) => startInstance(name)));
    // In HAProxy's order: its servers canevas1…3 are CANEVAS_INSTANCE_1…3.
    balancer = await startBalancer(
      NAMES.map((name) => `127.0.0.1:${instances.get(name)!.port}`),
      { checkIntervalMs: 500 },
    );
  });

  beforeEach(async () => {
    // A case that stopped an instance: it is started again, on the same port, for the next one.
    for (const [name, instance] of instances) {
      if (instance.process.child.exitCode === null && instance.process.child.signalCode === null) continue;
      await startInstance(name, instance.port);
      // Until its health check passes, the balancer sends everyone to the others.
      await waitFor(() => balancer.isUp(name), { message: () => balancer.output.slice(-5).join('\n') });
    }
  });

  afterEach(() => {
    for (const writer of writers.splice(0)) writer.destroy();
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

  /** Whether an exclusive command is refused because servers hold the database. */
  async function exclusiveRefused(): Promise<boolean> {
    try {
      const stores = await openStores({ role: 'exclusive', dataDir: root, databaseUrl });
      await stores.close();
      return false;
    } catch (error) {
      if (error instanceof DatabaseInUseError) return true;
      throw error;
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

  it('one of three instances SIGKILLed while ten clients type: every edit acknowledged or relayed is kept, and its clients reconnect through the balancer', async () => {
    const id = await newDocument('Instance tuée');
    const group = Array.from({ length: 10 }, (_, index) => writer(id, `k${index}`));
    await Promise.all(group.map((member) => member.synced));
    expect(new Set(group.map((member) => member.server())).size).toBe(INSTANCES);
    const victim = group[0]!.server()!;
    const onVictim = group.filter((member) => member.server() === victim);
    // Half of its clients (at least one) go with it, as tabs closed at the same moment: what they
    // saw acknowledged must be stored without them. The others reconnect on their own.
    const gone = onVictim.filter((_, index) => index % 2 === 0);
    const reconnecting = onVictim.filter((member) => !gone.includes(member));
    const survivors = group.filter((member) => !gone.includes(member));
    const typing = keepTyping(group, 60);
    await waitFor(() => group.every((member) => member.acknowledged().length >= 5));

    for (const member of gone) member.holdOnClose = true;
    const killed = instance(victim);
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    await waitFor(() => gone.every((member) => member.held));
    // Reconnected through the balancer to another instance, where their new edits are stored.
    const typedAtKill = new Map(reconnecting.map((member) => [member, member.typed.length]));
    await waitFor(
      () =>
        reconnecting.every(
          (member) => member.server() !== undefined && member.server() !== victim && member.acknowledged().some((edit) => member.typed.indexOf(edit) >= typedAtKill.get(member)!),
        ),
      { message: () => `servers: ${JSON.stringify(reconnecting.map((member) => member.server()))}` },
    );
    typing.stop();
    await converged(survivors);

    // What the departed clients saw acknowledged, and whatever of theirs another client received.
    const acknowledged = gone.flatMap((member) => member.acknowledged().map((edit) => edit.marker));
    const relayed = gone.flatMap((member) => member.typed.map((edit) => edit.marker)).filter((marker) => survivors.some((other) => other.text().includes(marker)));
    const stored = await storedText(id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5 * gone.length);
    expect(acknowledged.filter((marker) => !stored.includes(marker))).toEqual([]);
    expect(acknowledged.filter((marker) => !survivors[0]!.text().includes(marker))).toEqual([]);
    expect(relayed.filter((marker) => !stored.includes(marker))).toEqual([]);
    // The survivors' own edits, all of them, are stored.
    expect(missingFrom(stored, survivors)).toEqual([]);
    console.info(
      `SIGKILL: ${group.reduce((sum, member) => sum + member.typed.length, 0)} edits typed, ${gone.length} of ${onVictim.length} clients of ${victim} gone with it: ` +
        `${acknowledged.length} of their edits acknowledged, ${relayed.length} relayed, ${gone.reduce((sum, member) => sum + member.typed.length, 0) - new Set([...acknowledged, ...relayed]).size} neither (only on their own screen); all kept`,
    );

    // The departed come back through the balancer with what only they had: nothing is lost at all.
    for (const member of gone) member.release();
    await converged(group);
    expect(missingFrom(await storedText(id), group)).toEqual([]);
  });

  it('Redis stopped for ten seconds mid-edit: each instance serves and stores its own clients, then all converge without a reload', async () => {
    const id = await newDocument('Redis arrêté');
    const group = Array.from({ length: 6 }, (_, index) => writer(id, `r${index}`));
    await Promise.all(group.map((member) => member.synced));
    expect(new Set(group.map((member) => member.server())).size).toBe(INSTANCES);
    const typing = keepTyping(group, 80);
    await waitFor(() => group.every((member) => member.acknowledged().length >= 3));
    const disconnects = group.map((member) => member.disconnects);

    await redis.halt();
    const haltedAt = Date.now();
    const health = (name: string) => newTrpcClient(instance(name).url, { token }).health.query() as Promise<{ ok: boolean; redis?: string }>;
    await waitFor(async () => (await Promise.all([...instances.keys()].map(health))).every((answer) => answer.ok && answer.redis === 'unavailable'));
    // Each instance serves its own clients: what one types now is stored (acknowledged) and
    // reaches the other client on the same instance.
    const typedAtHalt = new Map(group.map((member) => [member, member.typed.length]));
    const typedSinceHalt = (member: Writer) => member.typed.slice(typedAtHalt.get(member)!);
    await waitFor(
      () =>
        group.every((member) => {
          const neighbour = group.find((other) => other !== member && other.server() === member.server())!;
          const ackedSince = member.acknowledged().filter((edit) => typedSinceHalt(member).includes(edit));
          return ackedSince.some((edit) => neighbour.text().includes(edit.marker));
        }),
      { message: () => `servers: ${JSON.stringify(group.map((member) => member.server()))}` },
    );
    // The outage: ten seconds of Redis gone while everyone types (a duration imposed on
    // the fault, not a wait for an effect).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - haltedAt))));

    await redis.resume();
    await waitFor(async () => (await Promise.all([...instances.keys()].map(health))).every((answer) => answer.redis === 'ok'));
    const typedAtResume = new Map(group.map((member) => [member, member.typed.length]));
    // Relayed again: an edit typed after the return reaches every client.
    await waitFor(() => group.every((member) => group.every((other) => other.text().includes(member.typed[typedAtResume.get(member)!]?.marker ?? '\u0000'))));
    typing.stop();
    await converged(group);
    // Without a reload: the same sockets throughout.
    expect(group.map((member) => member.disconnects)).toEqual(disconnects);
    expect(missingFrom(await storedText(id), group)).toEqual([]);
  });

  it('PostgreSQL stopped: type 101 on every instance, nothing relayed, retried; nothing lost once it is back', async () => {
    const id = await newDocument('PostgreSQL arrêté');
    const group = Array.from({ length: 6 }, (_, index) => writer(id, `p${index}`));
    await Promise.all(group.map((member) => member.synced));
    expect(new Set(group.map((member) => member.server())).size).toBe(INSTANCES);
    for (const member of group) member.type();
    await waitFor(() => group.every((member) => member.acknowledged().length === 1));

    await cluster.halt();
    const during = group.map((member) => member.type());
    // Each instance tries, fails, says so (type 101) to its clients, and keeps retrying.
    await waitFor(() => group.every((member) => member.statuses.some((status) => status.state === 'failing')));
    expect(group.flatMap((member) => member.statuses).filter((status) => status.state === 'failing').map((status) => status.state === 'failing' && status.kind)).toSatisfy(
      (kinds: unknown[]) => kinds.every((kind) => kind === 'other'),
    );
    // Nothing unstored is relayed, on the same instance or another.
    for (const member of group) {
      expect(group.filter((other) => other !== member && other.text().includes(during[group.indexOf(member)]!.marker))).toEqual([]);
    }

    await cluster.resume();
    await waitFor(() => group.every((member) => member.statuses.at(-1)?.state === 'writable'));
    await converged(group);
    expect(group.every((member) => member.acknowledged().length === 2)).toBe(true);
    expect(missingFrom(await storedText(id), group)).toEqual([]);
    // The restart ended every instance's session, hence its instance lock: each takes it again,
    // and an exclusive command (`user delete`) is refused as before rather than running beside them.
    await waitFor(exclusiveRefused, { message: () => 'an exclusive command could open the database while three servers run' });
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
      message: () => `servers: ${JSON.stringify(leaving.map((member) => [member.server(), member.events]))}`,
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
  /** What happened to its sockets, for failure messages. */
  events: string[];
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
    events: [],
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
  const started = Date.now();
  provider.on('status', ({ status }: { status: string }) => writer.events.push(`${Date.now() - started} ${status} ${served ?? ''}`));
  provider.on('connection-close', (event: { code?: number } | null) => {
    writer.events.push(`${Date.now() - started} close ${event?.code ?? 'local'}`);
    writer.disconnects++;
    if (!writer.holdOnClose) return;
    // Read by the reconnect the provider schedules next: it does nothing while this is false.
    writer.holdOnClose = false;
    writer.held = true;
    provider.shouldConnect = false;
  });
  return writer;
}
