import { createAnchor } from '@canevas/core';
import { RedisFanOut, createLogger, createServer, type RoomPeer } from '@canevas/sync-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addMember, runCanevas, newClient, newServer, newTrpcClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';
import { newPostgresDatabase, type TestDatabase } from '../helpers/postgresDatabase.js';
import { redisServerBinary, startThrowawayRedis, type ThrowawayRedis } from '../helpers/redisServer.js';

// Several instances on one PostgreSQL database and one Redis (docs/adr/0010-several-instances.md).
// Skipped only where redis-server is not installed: scripts/setup.sh installs it, so CI runs it.
const redisInstalled = redisServerBinary() !== undefined;
if (!redisInstalled) console.warn('multiInstance: redis-server is not installed (scripts/setup.sh installs it): skipped.');

describe.skipIf(!redisInstalled)('several instances on PostgreSQL and Redis', () => {
  let redis: ThrowawayRedis;
  let database: TestDatabase;
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    database = await newPostgresDatabase();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.dispose();
    await database.empty();
  });

  afterAll(async () => {
    await database?.drop();
    await redis?.stop();
  });

  async function instances(count: number, options: Parameters<typeof newServer>[0] = {}): Promise<TestServer[]> {
    const started: TestServer[] = [];
    // One after another: the first migrates the database.
    for (let index = 0; index < count; index++) {
      const server = await newServer({ databaseUrl: database.url, redisUrl: redis.url, ...options });
      servers.push(server);
      started.push(server);
    }
    return started;
  }

  function client(server: TestServer, docId: string): TestClient {
    const created = newClient(server.syncUrl, docId);
    clients.push(created);
    return created;
  }

  /** The document as PostgreSQL holds it: its snapshot and log rows applied to a new doc. */
  async function storedText(server: TestServer, docId: string): Promise<string> {
    const stored = await server.store.loadDocument(docId);
    const doc = new Y.Doc();
    if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
    const text = doc.getText('text').toString();
    doc.destroy();
    return text;
  }

  it('refuses to start without PostgreSQL beside REDIS_URL, or with a Redis it cannot reach, and says why', async () => {
    const refused = await runCanevas(['serve', '--port', '0'], { env: { REDIS_URL: redis.url, DATABASE_URL: '' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('REDIS_URL demande DATABASE_URL');
    // Checked before any store is opened: nothing to close.
    await expect(createServer({ redisUrl: 'redis://127.0.0.1:1', databaseUrl: database.url, logger: createLogger({ level: 'error' }) })).rejects.toThrow(
      /Redis est injoignable à redis:\/\/127\.0\.0\.1:1\/? \(REDIS_URL\) : connect ECONNREFUSED/,
    );
  });

  it('stock y-websocket clients spread over three instances converge, and PostgreSQL holds what they show', async () => {
    const [a, b, c] = await instances(3);
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Trois instances' });
    const writers = [a!, b!, c!, a!, b!, c!].map((server) => client(server, id));
    await Promise.all(writers.map((writer) => writer.synced));

    for (let round = 0; round < 5; round++) {
      writers.forEach((writer, index) => writer.doc.getText('text').insert(0, `[${index}.${round}]`));
    }
    const markers = writers.flatMap((_, index) => [0, 1, 2, 3, 4].map((round) => `[${index}.${round}]`));
    await waitFor(() => writers.every((writer) => writer.text() === writers[0]!.text() && markers.every((marker) => writer.text().includes(marker))), {
      message: () => `texts: ${JSON.stringify(writers.map((writer) => writer.text()))}`,
    });
    // Relayed only once committed: the store already has all of it.
    expect(await storedText(a!, id)).toBe(writers[0]!.text());
  });

  it('awareness crosses instances, to clients already there and to those who come later, and leaves with its client', async () => {
    const [a, b, c] = await instances(3);
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Curseurs' });
    const alice = client(a!, id);
    const bob = client(b!, id);
    await Promise.all([alice.synced, bob.synced]);

    alice.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    bob.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
    const aliceId = alice.doc.clientID;
    const bobId = bob.doc.clientID;
    const cursorOf = (viewer: TestClient, clientId: number) => (viewer.provider.awareness.getStates().get(clientId) as { cursor?: { anchor: number } } | undefined)?.cursor?.anchor;
    await waitFor(() => cursorOf(bob, aliceId) === 3 && cursorOf(alice, bobId) === 7);

    // A third instance opens the room later: it asks the others for the states they hold.
    const carol = client(c!, id);
    await carol.synced;
    await waitFor(() => cursorOf(carol, aliceId) === 3 && cursorOf(carol, bobId) === 7);

    alice.provider.awareness.setLocalStateField('cursor', { anchor: 5 });
    await waitFor(() => cursorOf(carol, aliceId) === 5 && cursorOf(bob, aliceId) === 5);

    // The server stamps presence with the account, on whichever instance.
    const seen = bob.provider.awareness.getStates().get(aliceId) as { user?: { name?: string } } | undefined;
    expect(seen?.user?.name).toBeTruthy();

    clients.splice(clients.indexOf(alice), 1);
    alice.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId) && !carol.provider.awareness.getStates().has(aliceId));
  });

  it('a document deleted on one instance closes its sockets on the others (4410)', async () => {
    const [a, b] = await instances(2);
    const api = newTrpcClient(a!.url);
    const { id } = await api.documents.create.mutate({ title: 'À supprimer' });
    const alice = client(a!, id);
    const bob = client(b!, id);
    await Promise.all([alice.synced, bob.synced]);
    bob.doc.getText('text').insert(0, 'encore là');
    await waitFor(() => alice.text() === 'encore là');

    await api.documents.delete.mutate({ id });
    expect((await bob.closed).code).toBe(4410);
    expect((await alice.closed).code).toBe(4410);
    await waitFor(() => b!.stats().documents === 0);
  });

  it('a role change or a removal made on one instance reaches open sockets on another (its periodic check reads PostgreSQL)', async () => {
    const [a, b] = await instances(2, { accessRefreshMs: 200 });
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Rôles' });
    const member = await addMember(a!.accounts, a!.admin.workspaceId, 'editor', 'marc');
    const owner = client(a!, id);
    const marc = newClient(b!.syncUrl, id, { token: member.token });
    clients.push(marc);
    await Promise.all([owner.synced, marc.synced]);
    marc.doc.getText('text').insert(0, '(éditeur)');
    await waitFor(() => owner.text() === '(éditeur)');

    await newTrpcClient(a!.url).workspaces.setRole.mutate({ workspaceId: a!.admin.workspaceId, userId: member.userId, role: 'viewer' });
    await waitFor(() => b!.logs.events('sync.role_applied').length > 0);
    await newTrpcClient(a!.url).workspaces.removeMember.mutate({ workspaceId: a!.admin.workspaceId, userId: member.userId });
    expect((await marc.closed).code).toBe(4403);
  });

  it('a tutor demoted on one instance is refused on the others, and removed is disconnected there at once: pushed through Redis, not left to the periodic check', async () => {
    // Periodic checks far off: only the push can apply a change within the test.
    const [a, b, c] = await instances(3, { accessRefreshMs: 600_000 });
    const workspaceId = a!.admin.workspaceId;
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Tutrice' });
    const tina = await addMember(a!.accounts, workspaceId, 'tutor', 'tina');
    const eric = await addMember(a!.accounts, workspaceId, 'editor', 'eric');
    const owner = client(a!, id);
    const [tinaOnB, tinaOnC, ericOnC] = [newClient(b!.syncUrl, id, { token: tina.token }), newClient(c!.syncUrl, id, { token: tina.token }), newClient(c!.syncUrl, id, { token: eric.token })];
    clients.push(tinaOnB, tinaOnC, ericOnC);
    await Promise.all([owner, tinaOnB, tinaOnC, ericOnC].map((member) => member.synced));
    // A paragraph for the tutor's comments to anchor to.
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Une situation à développer.')]);
    owner.doc.getXmlFragment('default').insert(0, [paragraph]);
    await waitFor(() => tinaOnB.doc.getXmlFragment('default').length === 1);
    const comment = (server: TestServer) =>
      newTrpcClient(server.url, { token: tina.token }).comments.create.mutate({ documentId: id, anchor: createAnchor(tinaOnB.doc, 2, 8), body: 'Développez.' });
    await comment(b!);

    // An editor demoted on a writes no more on c.
    await newTrpcClient(a!.url).workspaces.setRole.mutate({ workspaceId, userId: eric.userId, role: 'viewer' });
    await waitFor(() => c!.logs.events('sync.role_applied').length > 0);
    // The tutor demoted on a: refused on b and on c.
    await newTrpcClient(a!.url).workspaces.setRole.mutate({ workspaceId, userId: tina.userId, role: 'viewer' });
    await expect(comment(b!)).rejects.toThrow();
    await expect(comment(c!)).rejects.toThrow();
    // Removed on a: her sockets on b and c close at once.
    await newTrpcClient(a!.url).workspaces.removeMember.mutate({ workspaceId, userId: tina.userId });
    expect((await tinaOnB.closed).code).toBe(4403);
    expect((await tinaOnC.closed).code).toBe(4403);
    expect(ericOnC.provider.wsconnected).toBe(true);
  });

  it('a sync ticket issued on one instance opens once, on another, and is refused on every instance afterwards', async () => {
    const [a, b] = await instances(2);
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Ticket' });
    const target = await newTrpcClient(a!.url).documents.syncTarget.query({ id });
    const ticketed = (server: TestServer) => `${server.syncUrl}/${target.room}?ticket=${encodeURIComponent(target.params.ticket!)}`;
    // Tickets live in PostgreSQL: taking one is a single statement whichever instance runs it.
    expect(await upgrade(ticketed(b!))).toBe(101);
    expect(await upgrade(ticketed(a!))).toBe(401);
    expect(await upgrade(ticketed(b!))).toBe(401);
  });

  it('instances that never hear each other fold from memory without deleting the rows the other committed', async () => {
    // The worst case of missed relays: each instance has its own channels, so nothing crosses
    // but through the store. Folding the in-memory doc up to the last stored row (what one
    // instance alone may do) would delete the other's rows; folding stays within what was read.
    const isolated = async (prefix: string) => RedisFanOut.connect({ url: redis.url, logger: createLogger({ level: 'error' }), prefix });
    const [a] = await instances(1, { foldThreshold: 4, fanOut: await isolated('isolated-a') });
    const [b] = await instances(1, { foldThreshold: 4, fanOut: await isolated('isolated-b') });
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Plis' });
    const alice = client(a!, id);
    const bob = client(b!, id);
    await Promise.all([alice.synced, bob.synced]);

    const markers: string[] = [];
    // Each edit inserts a marker with padding, then deletes the padding: the log grows much faster
    // than the snapshot, so both instances fold every few rows.
    const edit = (writer: TestClient, marker: string) => {
      const text = writer.doc.getText('text');
      text.insert(0, `${marker}${'·'.repeat(400)}`);
      text.delete(marker.length, 400);
      markers.push(marker);
    };
    for (let round = 0; round < 12; round++) {
      edit(alice, `[a${round}]`);
      edit(bob, `[b${round}]`);
      // Both instances store (and fold) this round before the next.
      await waitFor(async () => {
        const stored = await storedText(a!, id);
        return stored.includes(`[a${round}]`) && stored.includes(`[b${round}]`);
      }, { message: () => `round ${round}: PostgreSQL lost markers: ${JSON.stringify(markers)}` });
    }
    await waitFor(() => a!.logs.events('store.folded').length >= 2 && b!.logs.events('store.folded').length >= 2, {
      message: () => `folds: a ${a!.logs.events('store.folded').length}, b ${b!.logs.events('store.folded').length}`,
    });
    const stored = await storedText(a!, id);
    expect(markers.filter((marker) => !stored.includes(marker))).toEqual([]);
    // Catching up before each fold also brought each instance the other's edits.
    await waitFor(() => alice.text().includes('[b0]') && bob.text().includes('[a0]'));
  });

  it('Redis restarted mid-edit: each instance keeps serving its clients, then all converge without a reload', async () => {
    const [a, b] = await instances(2);
    const { id } = await newTrpcClient(a!.url).documents.create.mutate({ title: 'Panne de Redis' });
    const alice = client(a!, id);
    const alain = client(a!, id);
    const bob = client(b!, id);
    await Promise.all([alice.synced, alain.synced, bob.synced]);
    alice.doc.getText('text').insert(0, '[avant]');
    await waitFor(() => bob.text() === '[avant]');

    const health = () => newTrpcClient(a!.url).health.query() as Promise<{ ok: boolean; instance?: string; redis?: string }>;
    expect(await health()).toMatchObject({ ok: true, redis: 'ok', instance: expect.any(String) });

    await redis.halt();
    // Still ok: the instance serves its own clients; the balancer keeps it.
    await waitFor(async () => (await health()).redis === 'unavailable');
    expect((await health()).ok).toBe(true);
    alice.doc.getText('text').insert(0, '[a pendant]');
    bob.doc.getText('text').insert(0, '[b pendant]');
    // Served and stored by its own instance meanwhile.
    await waitFor(() => alain.text().includes('[a pendant]'));
    await waitFor(async () => (await storedText(a!, id)).includes('[a pendant]') && (await storedText(a!, id)).includes('[b pendant]'));
    expect(bob.text()).not.toContain('[a pendant]');

    await redis.resume();
    // Resubscribed, each instance reloads from PostgreSQL what it missed and relays it.
    await waitFor(() => [alice, alain, bob].every((writer) => writer.text().includes('[a pendant]') && writer.text().includes('[b pendant]')), {
      message: () => `texts: ${JSON.stringify([alice, alain, bob].map((writer) => writer.text()))}`,
    });
    // Each connection comes back on its own backoff: the publishing one may still be on its way.
    await waitFor(async () => (await health()).redis === 'ok');
    // And the relay works again.
    bob.doc.getText('text').insert(0, '[après]');
    await waitFor(() => alice.text().startsWith('[après]') && alain.text().startsWith('[après]'));
    expect(new Set([alice.text(), alain.text(), bob.text()]).size).toBe(1);
  });

  it('role changes cross on a channel of their own, and an instance whose subscription came back checks its sockets once (a change may have gone unheard)', async () => {
    const logger = createLogger({ level: 'error' });
    const changer = await RedisFanOut.connect({ url: redis.url, logger });
    const listener = await RedisFanOut.connect({ url: redis.url, logger });
    try {
      let own = 0;
      let heard = 0;
      changer.onAccessChanged(() => own++);
      listener.onAccessChanged(() => heard++);
      changer.publishAccessChanged();
      await waitFor(() => heard === 1);
      // Published while Redis is away: lost, and made up for once the subscription is back.
      await redis.halt();
      changer.publishAccessChanged();
      await redis.resume();
      await waitFor(() => heard === 2 && own === 1);
      // Its own messages aside: the instance that made the change already checked its sockets.
      listener.publishAccessChanged();
      await waitFor(() => own === 2);
      expect(heard).toBe(2);
    } finally {
      await changer.close();
      await listener.close();
    }
  });

  it('a batch missing from a room’s sequence makes the instance reload the room', async () => {
    const logger = createLogger({ level: 'error' });
    const publisher = await RedisFanOut.connect({ url: redis.url, logger });
    const listener = await RedisFanOut.connect({ url: redis.url, logger });
    try {
      const received: Uint8Array[][] = [];
      let missed = 0;
      const peer: RoomPeer = { updates: (updates) => received.push([...updates]), awareness: () => undefined, localAwareness: () => undefined, missed: () => missed++, deleted: () => undefined };
      const leave = listener.join('doc-gap', peer);
      // Joining reloads once: whatever was published before the subscription is in the store.
      await waitFor(() => missed === 1);
      const update = (byte: number) => [{ origin: 'c1', update: new Uint8Array([byte]) }];
      publisher.publish('doc-gap', update(1));
      await waitFor(() => received.length === 1);
      expect(missed).toBe(1);
      // A batch numbered and never delivered (as when a subscription drops for a moment).
      await redis.command('INCR', 'canevas:seq:doc-gap');
      publisher.publish('doc-gap', update(2));
      await waitFor(() => received.length === 2 && missed === 2);
      expect(received.map(([first]) => first![0])).toEqual([1, 2]);
      leave();
    } finally {
      await publisher.close();
      await listener.close();
    }
  });
});

/** The HTTP status of a WebSocket upgrade (101 when it opened; the socket is closed at once). */
function upgrade(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.once('error', () => undefined);
  });
}
