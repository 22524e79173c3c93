import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { CloseCode } from '@canevas/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { CurrentAccess, SyncAuthorizer, UpgradeDecision } from '../accounts/syncAuthorizer.js';
import { silentLogger } from '../logger.js';
import { SocketGateway, type SocketGatewayOptions, type SyncSessions } from './SocketGateway.js';
import type { SyncConnection } from './SyncConnection.js';

const ALLOWED: UpgradeDecision = { ok: true, found: true, userId: 'u1', userName: 'Ada', canWrite: true };

/** Sessions that record what the gateway hands them; `open` resolves when the test says. */
class RecordingSessions implements SyncSessions {
  readonly opened: SyncConnection[] = [];
  readonly closed: SyncConnection[] = [];
  readonly messages: { connection: SyncConnection; data: number[] }[] = [];
  private readonly openResults: ((found: boolean | Error) => void)[] = [];
  openAtOnce: boolean | undefined = true;

  open(connection: SyncConnection): Promise<boolean> {
    this.opened.push(connection);
    if (this.openAtOnce !== undefined) return Promise.resolve(this.openAtOnce);
    return new Promise((resolve, reject) => this.openResults.push((found) => (found instanceof Error ? reject(found) : resolve(found))));
  }

  finishOpen(found: boolean | Error): void {
    this.openResults.shift()?.(found);
  }

  handleMessage(connection: SyncConnection, data: Uint8Array): void {
    this.messages.push({ connection, data: [...data] });
  }

  close(connection: SyncConnection): void {
    this.closed.push(connection);
  }

  connections(): Iterable<SyncConnection> {
    return this.opened.filter((connection) => !this.closed.includes(connection));
  }
}

class FakeAuthorizer implements SyncAuthorizer {
  decision: UpgradeDecision | (() => Promise<UpgradeDecision>) = ALLOWED;
  access: Awaited<ReturnType<CurrentAccess>> = { canWrite: true };
  calls = 0;

  upgrade(): Promise<UpgradeDecision> {
    this.calls++;
    return typeof this.decision === 'function' ? this.decision() : Promise.resolve(this.decision);
  }

  currentAccess(): CurrentAccess {
    return () => Promise.resolve(this.access);
  }
}

const running: { server: Server; gateway: SocketGateway; clients: WebSocket[] }[] = [];

afterEach(async () => {
  for (const { server, gateway, clients } of running.splice(0)) {
    for (const client of clients) client.terminate();
    await gateway.closeSockets(100);
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(options: Partial<SocketGatewayOptions> = {}) {
  const sessions = new RecordingSessions();
  const authorizer = new FakeAuthorizer();
  const gateway = new SocketGateway({ sessions, authorizer, logger: silentLogger, maxPayload: 1024, ...options });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', gateway.handleUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: WebSocket[] = [];
  running.push({ server, gateway, clients });
  const open = (path: string, clientOptions: ConstructorParameters<typeof WebSocket>[2] = {}) => {
    const client = new WebSocket(`${base}${path}`, clientOptions);
    // Refused and terminated clients report it as an error too; the tests read the close or the refusal.
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };
  return { sessions, authorizer, gateway, server, open };
}

/** The HTTP status of a refused upgrade, with its headers. */
function refusal(client: WebSocket): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    client.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
    client.on('open', () => reject(new Error('upgraded')));
  });
}

const closed = (client: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => client.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
const opened = (client: WebSocket) => new Promise<void>((resolve, reject) => (client.on('open', () => resolve()), client.on('error', reject)));

describe('SocketGateway upgrades', () => {
  it('refuses a path outside /sync/ with 404 and an invalid room with 400, before asking the authorizer', async () => {
    const { open, authorizer } = await start();
    expect((await refusal(open('/elsewhere/doc'))).status).toBe(404);
    expect((await refusal(open('/sync/not..valid'))).status).toBe(400);
    expect(authorizer.calls).toBe(0);
  });

  it('answers the authorizer’s refusal over HTTP, never upgrading', async () => {
    const { open, authorizer, sessions } = await start();
    authorizer.decision = { ok: false, status: 401, text: 'Unauthorized' };
    expect((await refusal(open('/sync/doc1'))).status).toBe(401);
    authorizer.decision = () => Promise.reject(new Error('store down'));
    expect((await refusal(open('/sync/doc1'))).status).toBe(500);
    expect(sessions.opened).toEqual([]);
  });

  it('upgrades then closes with 4404 a document the caller may not see, as a missing one', async () => {
    const { open, authorizer, sessions } = await start();
    authorizer.decision = { ok: true, found: false };
    expect((await closed(open('/sync/doc1'))).code).toBe(CloseCode.DocumentNotFound);
    sessions.openAtOnce = false;
    authorizer.decision = ALLOWED;
    expect((await closed(open('/sync/doc2'))).code).toBe(CloseCode.DocumentNotFound);
  });

  it('refuses upgrades past the pending limit with 503 and Retry-After', async () => {
    const { open, authorizer } = await start({ maxPendingUpgrades: 1 });
    let allow!: (decision: UpgradeDecision) => void;
    const waiting = new Promise<UpgradeDecision>((resolve) => (allow = resolve));
    authorizer.decision = () => waiting;
    const first = open('/sync/doc1');
    // The first upgrade waits on the authorizer: the second finds no room.
    await vi.waitFor(() => expect(authorizer.calls).toBe(1));
    expect(await refusal(open('/sync/doc2'))).toEqual({ status: 503, retryAfter: '1' });
    allow(ALLOWED);
    await opened(first);
  });

  it('refuses every upgrade with 503 once stopped', async () => {
    const { open, gateway } = await start();
    gateway.stop();
    expect((await refusal(open('/sync/doc1'))).status).toBe(503);
  });

  it('hands the connection its room, its ack request and the authorizer’s decision', async () => {
    const { open, sessions, authorizer } = await start();
    authorizer.decision = { ok: true, found: true, userId: 'u2', userName: 'Grace', canWrite: false };
    await opened(open('/sync/doc1/review?ack=1'));
    await vi.waitFor(() => expect(sessions.opened).toHaveLength(1));
    const [connection] = sessions.opened;
    expect([connection!.room, connection!.ackRequested, connection!.userId, connection!.userName, connection!.canWrite]).toEqual(['doc1/review', true, 'u2', 'Grace', false]);
  });
});

describe('SocketGateway early frames', () => {
  it('keeps what a client sends while its document loads, then hands it over in order', async () => {
    const { open, sessions } = await start();
    sessions.openAtOnce = undefined;
    const client = open('/sync/doc1');
    await opened(client);
    client.send(new Uint8Array([1]));
    client.send(new Uint8Array([2]));
    await vi.waitFor(() => expect(sessions.opened).toHaveLength(1));
    // The server answers a ping after reading every frame sent before it: once the pong is back,
    // frames 1 and 2 have arrived, and none may reach the sessions before the load ends.
    await new Promise((resolve) => {
      client.once('pong', resolve);
      client.ping();
    });
    expect(sessions.messages).toEqual([]);
    sessions.finishOpen(true);
    await vi.waitFor(() => expect(sessions.messages.map(({ data }) => data)).toEqual([[1], [2]]));
    client.send(new Uint8Array([3]));
    await vi.waitFor(() => expect(sessions.messages.map(({ data }) => data)).toEqual([[1], [2], [3]]));
  });

  it('closes with 1009 a client that sends more than four frames’ worth while it waits', async () => {
    const { open, sessions } = await start({ maxPayload: 1024 });
    sessions.openAtOnce = undefined;
    const client = open('/sync/doc1');
    await opened(client);
    for (let i = 0; i < 5; i++) client.send(new Uint8Array(1000));
    expect((await closed(client)).code).toBe(CloseCode.MessageTooBig);
  });

  it('closes with 1011 when the document fails to load, and tells the sessions when a socket closes', async () => {
    const { open, sessions } = await start();
    sessions.openAtOnce = undefined;
    const client = open('/sync/doc1');
    await opened(client);
    await vi.waitFor(() => expect(sessions.opened).toHaveLength(1));
    sessions.finishOpen(new Error('disk on fire'));
    expect((await closed(client)).code).toBe(CloseCode.InternalError);
    await vi.waitFor(() => expect(sessions.closed).toEqual(sessions.opened));
  });
});

describe('SocketGateway liveness and roles', () => {
  it('drops a peer that stops answering pings, and keeps one that answers', async () => {
    // Ticks driven by the test: a timer would drop a lively peer of a stalled test process.
    const { open, sessions, gateway } = await start({ pingIntervalMs: 3_600_000 });
    const lively = open('/sync/doc1');
    const silent = open('/sync/doc2', { autoPong: false });
    await Promise.all([opened(lively), opened(silent)]);
    await vi.waitFor(() => expect(sessions.opened).toHaveLength(2));
    // The lively peer's pong travels before this frame: once the frame is in, the pong is too.
    let pings = 0;
    lively.on('ping', () => lively.send(new Uint8Array([++pings])));
    const heardFromLively = () => sessions.messages.filter(({ connection }) => connection.room === 'doc1').length;
    for (let tick = 1; tick <= 3; tick++) {
      gateway.checkLiveness();
      await vi.waitFor(() => expect(heardFromLively()).toBe(tick));
    }
    await vi.waitFor(() => expect(sessions.closed.map((connection) => connection.room)).toEqual(['doc2']));
    expect(lively.readyState).toBe(WebSocket.OPEN);
  });

  it('applies a role change to open sockets and closes those whose access was removed', async () => {
    const { open, sessions, authorizer, gateway } = await start();
    const client = open('/sync/doc1');
    await opened(client);
    await vi.waitFor(() => expect(sessions.opened).toHaveLength(1));
    authorizer.access = { canWrite: false };
    gateway.accessChanged();
    await vi.waitFor(() => expect(sessions.opened[0]!.canWrite).toBe(false));
    authorizer.access = undefined;
    await gateway.refreshAccess();
    expect((await closed(client)).code).toBe(CloseCode.AccessRevoked);
  });

  it('drops sockets still open when it closes', async () => {
    const { open, gateway } = await start();
    const client = open('/sync/doc1');
    await opened(client);
    expect(gateway.socketCount).toBe(1);
    const end = closed(client);
    await gateway.closeSockets(50);
    await end;
    await vi.waitFor(() => expect(gateway.socketCount).toBe(0));
  });
});

it('a client that resets its connection during authorization leaves no error behind', async () => {
  const { server, authorizer, sessions } = await start();
  let allow!: (decision: UpgradeDecision) => void;
  const waiting = new Promise<UpgradeDecision>((resolve) => (allow = resolve));
  authorizer.decision = () => waiting;
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('GET /sync/doc1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
  await vi.waitFor(() => expect(authorizer.calls).toBe(1));
  const reset = new Promise((resolve) => socket.once('close', resolve));
  socket.resetAndDestroy();
  await reset;
  allow(ALLOWED);
  await waiting;
  await new Promise((resolve) => setImmediate(resolve));
  // Nothing was upgraded for a socket already gone, and no error escaped (vitest reports those).
  expect(sessions.opened).toEqual([]);
});
