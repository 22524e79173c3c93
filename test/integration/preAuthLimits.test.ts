import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores, type AccountStore } from '@canevas/sync-server';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeUpdateFrame, newClient, newDataDir, newServer, newTrpcClient, waitFor, waitForText, type TestClient, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
let webRoot: string | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
  webRoot = undefined;
});

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** A client-to-server WebSocket frame (binary, masked as RFC 6455 requires; zero mask key). */
function maskedFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? Buffer.from([0x82, 0x80 | length]) : Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}

function upgradeRequest(path: string, extraHeaders = ''): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extraHeaders}\r\n`
  );
}

interface RawConnection {
  socket: Socket;
  /** Everything the server sent. */
  answer(): string;
  /** Resolves once the server has closed the connection completely. */
  closed: Promise<void>;
}

/**
 * A raw TCP client. With `halfOpen`, it keeps its own side open when the server ends its side, so
 * `closed` then means that the server destroyed the connection, not merely half-closed it.
 */
function rawConnection(port: number, options: { halfOpen?: boolean } = {}): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: options.halfOpen ?? false });
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    // A reset after the server destroyed the socket is one way of being closed.
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, answer: () => answer, closed }));
    socket.once('error', reject);
  });
}

/** An upgrade with a bearer token; resolves with 101 once open, or the refusal's status and headers. */
function upgradeWithToken(syncUrl: string, docId: string, token: string): Promise<{ status: number; headers: Record<string, unknown>; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${syncUrl}/${docId}`, { headers: { authorization: `Bearer ${token}` } });
    socket.once('open', () => resolve({ status: 101, headers: {}, socket }));
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    socket.once('error', reject);
  });
}

/** An account store whose token lookups wait at a gate: upgrades stay « being authorized ». */
function gatedAccounts(real: AccountStore) {
  let gate: Promise<void> | undefined;
  let release = () => {};
  const state = { waiting: 0 };
  const store = new Proxy(real, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'useApiToken') return value.bind(target);
      return async (...args: unknown[]) => {
        if (gate) {
          state.waiting++;
          await gate;
          state.waiting--;
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as AccountStore;
  return {
    store,
    state,
    close() {
      gate = new Promise((resolve) => (release = resolve));
    },
    open() {
      gate = undefined;
      release();
    },
  };
}

describe('before authentication: what an anonymous client can make the server do', () => {
  it('answers an unauthenticated upgrade with 401 and closes, never reading the frames sent behind it', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Cible' });
    const reader = newClient(server.syncUrl, id);
    clients.push(reader);
    await reader.synced;

    const hostile = await rawConnection(server.port, { halfOpen: true });
    // The frames travel in the same packet as the request, as an impatient client would send them.
    hostile.socket.write(Buffer.concat([Buffer.from(upgradeRequest(`/sync/${id}`), 'latin1'), maskedFrame(encodeUpdateFrame(textUpdate('pirate')))]));
    await waitFor(() => hostile.answer().includes('\r\n\r\n'));
    expect(hostile.answer()).toMatch(/^HTTP\/1\.1 401 /);
    // A client that keeps sending after the refusal is never read either, and cannot keep the
    // connection half-open: once the server destroys it, a write gets a reset and it closes.
    let closed = false;
    void hostile.closed.then(() => (closed = true));
    await waitFor(() => {
      if (!closed) hostile.socket.write(maskedFrame(encodeUpdateFrame(textUpdate('encore'))));
      return closed;
    });
    expect(hostile.answer()).not.toContain('101');

    // A member's edit made afterwards arrives alone: nothing of the refused client was applied.
    const writer = newClient(server.syncUrl, id);
    clients.push(writer);
    await writer.synced;
    writer.doc.getText('text').insert(0, 'témoin');
    await waitForText([reader, writer], 'témoin');
    expect(await server.store.loadDocument(id).then((stored) => stored!.updates.length)).toBe(1);
  });

  it('answers 413 with a clear message to an oversized body sent to a public procedure', async () => {
    server = await newServer({ maxBodySize: 64 * 1024 });
    const response = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@exemple.fr', password: 'x'.repeat(100 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain('Requête trop volumineuse.');
    // Just under the limit, the same procedure answers normally (here: a wrong password).
    const normal = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@exemple.fr', password: 'pas le bon mot de passe' }),
    });
    expect(normal.status).toBe(401);
  });

  it('cuts off a client that sends its headers too slowly (slowloris) with 408, and one that never finishes its body', async () => {
    server = await newServer({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const slowHeaders = await rawConnection(server.port);
    slowHeaders.socket.write('POST /trpc/auth.logIn HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: a\r\n');
    await slowHeaders.closed;
    expect(slowHeaders.answer()).toMatch(/^HTTP\/1\.1 408 /);

    const slowBody = await rawConnection(server.port);
    slowBody.socket.write('POST /trpc/auth.logIn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    await slowBody.closed;
    expect(slowBody.answer()).toMatch(/^HTTP\/1\.1 408 /);

    expect((await fetch(`${server.url}/trpc/health`)).status).toBe(200);
  });

  it('refuses every batch holding an anonymous procedure, and batches over the cap: 40 guesses in one batch open no session', async () => {
    server = await newServer();
    const guesses = (count: number) => Array.from({ length: count }, (_, i) => ({ email: server!.admin.email, password: i === count - 1 ? server!.admin.password : `essai ${i}` }));
    const batch = (paths: string[], inputs: unknown[], token?: string) =>
      fetch(`${server!.url}/trpc/${paths.join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
      });
    for (const count of [40, 6, 1]) {
      const response = await batch(Array(count).fill('auth.logIn'), guesses(count));
      expect(response.status).toBe(400);
      expect(response.headers.get('set-cookie')).toBeNull();
      const messages = ((await response.json()) as { error: { message: string } }[]).map((entry) => entry.error.message);
      expect(new Set(messages).size).toBe(1);
      expect(messages[0]).toMatch(count > 16 ? /Trop d’appels groupés dans une requête : 16 au plus/ : /ne peuvent pas être groupés/);
    }
    // Nothing was hashed nor counted: the right password still opens a session at once.
    const alone = await fetch(`${server.url}/trpc/auth.logIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(guesses(1)[0]) });
    expect(alone.status).toBe(200);

    // One anonymous query among signed-in ones refuses the whole batch, queries as well.
    const mixed = await fetch(`${server.url}/trpc/documents.list,auth.status?batch=1&input=${encodeURIComponent('{}')}`, { headers: { authorization: `Bearer ${server.admin.token}` } });
    expect(mixed.status).toBe(400);
    expect((await mixed.json()) as unknown[]).toHaveLength(2);
    // Signed-in calls batch up to the cap.
    const list = (count: number) => fetch(`${server!.url}/trpc/${Array(count).fill('documents.list').join(',')}?batch=1&input=${encodeURIComponent('{}')}`, { headers: { authorization: `Bearer ${server!.admin.token}` } });
    expect((await list(16)).status).toBe(200);
    expect((await list(17)).status).toBe(400);
  });

  it('throttles each login call whatever the URL form: of 40 parallel guesses, the sixth failure locks and the rest are never hashed', async () => {
    // Generous hashing limits, so that only the throttle stands between the guesses and scrypt.
    server = await newServer({ maxPasswordChecksPerAddress: 100, maxConcurrentPasswordHashes: 6, maxQueuedPasswordHashes: 100 });
    const guess = (i: number) =>
      fetch(`${server!.url}/trpc/auth.logIn${i % 2 === 0 ? '/' : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: server!.admin.email, password: `essai ${i}` }),
      }).then(async (response) => ({ status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message }));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => guess(i)));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(6);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(34);
    for (const answer of answers.filter((entry) => entry.status === 429)) expect(answer.message).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ s\.$/);
    // Locked, for the right password too, with or without the trailing slash.
    for (const path of ['auth.logIn', 'auth.logIn/']) {
      const right = await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: server.admin.email, password: server.admin.password }) });
      expect(right.status).toBe(429);
    }
  });

  it('keeps serving the app while 200 anonymous logins wait for a password hash: few run, a bounded number wait, the rest are refused', async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'canevas-web-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Canevas</title>');
    // Each login from its own address (behind a trusted proxy), so no per-address limit helps.
    // A short queue keeps the test quick; the default (32) only makes the wait longer.
    server = await newServer({ webRoot, trustedProxies: 1, maxQueuedPasswordHashes: 4 });
    let settled = 0;
    let refusedSoFar = 0;
    const logins = Array.from({ length: 200 }, (_, i) =>
      fetch(`${server!.url}/trpc/auth.logIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.0.${i}` },
        body: JSON.stringify({ email: `inconnu${i}@exemple.fr`, password: 'deviné au hasard' }),
      }).then(async (response) => {
        settled++;
        if (response.status === 429) refusedSoFar++;
        return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
      }),
    );
    // A refusal means the queue was full: 4 hashes wait, two at a time run.
    await waitFor(() => refusedSoFar > 0);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Canevas');
    // The page came back while hashes were still waiting their turn, not after them.
    expect(server.auth.hashingStats().queued).toBeGreaterThan(0);
    expect(settled).toBeLessThan(200);

    const answers = await Promise.all(logins);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 401).length + refused.length).toBe(200);
    expect(new Set(refused.map((answer) => answer.message))).toEqual(new Set(['Le serveur vérifie trop de mots de passe à la fois : réessayez dans un instant.']));
  });

  it('refuses upgrades past maxPendingUpgrades with 503 while others are being authorized, and survives a reset meanwhile', async () => {
    const dataDir = await newDataDir();
    const stores = await openStores({ role: 'server', dataDir });
    const accounts = gatedAccounts(stores.accounts);
    server = await newServer({ dataDir, stores: { ...stores, accounts: accounts.store }, maxPendingUpgrades: 2 });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Afflux' });

    accounts.close();
    // One client resets its connection while its (bad) token is checked: the refusal then
    // writes to a dead socket, which must not take the server down.
    const quitter = await rawConnection(server.port);
    quitter.socket.write(upgradeRequest(`/sync/${id}`, 'Authorization: Bearer cnv_faux\r\n'));
    await waitFor(() => accounts.state.waiting === 1);
    quitter.socket.resetAndDestroy();
    await quitter.closed;
    const first = upgradeWithToken(server.syncUrl, id, server.admin.token);
    await waitFor(() => accounts.state.waiting === 2);
    const saturated = await upgradeWithToken(server.syncUrl, id, server.admin.token);
    expect(saturated).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });

    accounts.open();
    const opened = await first;
    expect(opened.status).toBe(101);
    opened.socket!.close();
    const later = await upgradeWithToken(server.syncUrl, id, server.admin.token);
    expect(later.status).toBe(101);
    later.socket!.close();
  });
});
