import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  addMember,
  encodeUpdateFrame,
  newClient,
  newRawClient,
  newServer,
  newTrpcClient,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Writes a raw HTTP request and returns the status line of the answer. */
function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

async function upgradeStatus(url: string): Promise<number> {
  const client = newRawClient(url);
  return new Promise<number>((resolve) => {
    client.socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    client.socket.once('error', () => resolve(-1));
  });
}

describe('hostile input on the sync endpoint', () => {
  it('answers 431 to an upgrade request with 2,000 headers, and keeps serving', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Cible' });
    const headers = Array.from({ length: 2000 }, (_, i) => `X-Bourrage-${i}: ${'a'.repeat(8)}`).join('\r\n');
    const status = await rawHttp(
      server.port,
      `GET /sync/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${headers}\r\n\r\n`,
    );
    expect(status).toMatch(/^HTTP\/1\.1 431/);
    const client = newClient(server.syncUrl, id);
    await client.synced;
    client.destroy();
  });

  it('refuses empty, huge, ../ and NUL document ids before upgrading', async () => {
    server = await newServer();
    for (const id of ['', 'a'.repeat(10_000), '..%2F..%2Fcanevas.sqlite', 'abc%00def', '%2e%2e']) {
      expect(await upgradeStatus(`${server.syncUrl}/${id}`), id.slice(0, 20)).toBeGreaterThanOrEqual(400);
    }
  });

  it('reassembles thousands of tiny fragments into one update, and closes with 1009 past maxPayload', async () => {
    server = await newServer({ maxPayload: 64 * 1024 });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Fragments' });
    const reader = newClient(server.syncUrl, id);
    await reader.synced;

    const frame = encodeUpdateFrame(textUpdate('x'.repeat(3000)));
    const auth = { headers: { authorization: `Bearer ${server.admin.token}` } };
    const socket = new WebSocket(`${server.syncUrl}/${id}`, auth);
    await new Promise((resolve) => socket.once('open', resolve));
    for (let i = 0; i < frame.length; i++) socket.send(frame.subarray(i, i + 1), { fin: i === frame.length - 1 });
    await waitFor(() => reader.text().length === 3000);
    socket.close();

    const flood = new WebSocket(`${server.syncUrl}/${id}`, auth);
    await new Promise((resolve) => flood.once('open', resolve));
    const closed = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
    const chunk = new Uint8Array(16);
    for (let i = 0; i < 5000 && flood.readyState === WebSocket.OPEN; i++) flood.send(chunk, { fin: false });
    expect(await closed).toBe(1009);
    expect(reader.provider.wsconnected).toBe(true);
    reader.destroy();
  });

  it('closes with 4400 a length prefix that claims gigabytes, storing nothing', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Longueur' });
    const raw = newRawClient(`${server.syncUrl}/${id}`);
    await raw.opened;
    // sync / update / varint length 2^32 followed by 3 bytes.
    raw.send(Uint8Array.of(0, 2, 0x80, 0x80, 0x80, 0x80, 0x10, 1, 2, 3));
    expect((await raw.closed).code).toBe(4400);
    expect((await server.store.loadDocument(id))!.updates).toHaveLength(0);
  });

  it('closes with 4400 an awareness state of 1 MB, relaying nothing of it, while normal presence flows', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Présence' });
    const watcher = newClient(server.syncUrl, id);
    const other = newClient(server.syncUrl, id);
    await Promise.all([watcher.synced, other.synced]);
    const seen = new Set<number>();
    watcher.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const client of [...added, ...updated]) seen.add(client);
    });

    const raw = newRawClient(`${server.syncUrl}/${id}`);
    await raw.opened;
    const state = JSON.stringify({ user: { name: `<img src=x onerror=alert(1)>${'x'.repeat(1024 * 1024)}`, color: '#000' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 424242);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, state);
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 1);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(encoder));
    raw.send(encoding.toUint8Array(frame));
    expect((await raw.closed).code).toBe(4400);

    other.provider.awareness.setLocalStateField('user', { name: 'Awa', color: '#1d4ed8' });
    await waitFor(() => seen.has(other.doc.clientID));
    expect(seen.has(424242)).toBe(false);
    watcher.destroy();
    other.destroy();
  });
});

/** An awareness message (type 1) carrying `entries` as the wire writes them. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

type PresenceState = { user?: { id?: string; name?: string; color?: string }; cursor?: unknown; marker?: number } | undefined;

function stateOf(client: TestClient, clientId: number): PresenceState {
  return client.provider.awareness.getStates().get(clientId) as PresenceState;
}

describe('awareness is bound to the signed-in account', () => {
  it('refuses a viewer’s awareness for another client’s id, whatever its clock: the victim’s presence stays, and its later updates apply', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Présence' });
    const victim = newClient(server.syncUrl, id);
    const observer = newClient(server.syncUrl, id);
    await Promise.all([victim.synced, observer.synced]);
    victim.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    const victimId = victim.doc.clientID;
    await waitFor(() => stateOf(observer, victimId)?.user?.name === 'Administratrice');

    const viewer = await addMember(server.accounts, server.admin.workspaceId, 'viewer', 'Victor');
    const raw = newRawClient(`${server.syncUrl}/${id}`, { token: viewer.token });
    await raw.opened;
    raw.send(awarenessFrame([{ clientId: victimId, clock: 1000, state: { user: { name: 'alice' }, cursor: null } }]));
    raw.send(awarenessFrame([{ clientId: victimId, clock: 1001, state: null }]));
    // Its own id is accepted, after the refused ones: once the observer sees it, they were handled.
    raw.send(awarenessFrame([{ clientId: 777_777, clock: 1, state: { marker: 1 } }]));
    await waitFor(() => stateOf(observer, 777_777)?.marker === 1);
    expect(stateOf(observer, 777_777)?.user?.name).toBe('Victor');
    expect(stateOf(observer, victimId)?.user?.name).toBe('Administratrice');
    expect(server.logs.entries.some((entry) => entry.event === 'sync.awareness_refused')).toBe(true);

    victim.provider.awareness.setLocalStateField('cursor', { anchor: 42 });
    await waitFor(() => (stateOf(observer, victimId)?.cursor as { anchor?: number } | undefined)?.anchor === 42);
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
    raw.close();
    victim.destroy();
    observer.destroy();
  });

  it('shows the account’s name, id and colour whatever name and colour the client claims', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Présence' });
    const bastien = await addMember(server.accounts, server.admin.workspaceId, 'editor', 'Bastien');
    const impostor = newClient(server.syncUrl, id, { token: bastien.token });
    const observer = newClient(server.syncUrl, id);
    await Promise.all([impostor.synced, observer.synced]);
    impostor.provider.awareness.setLocalStateField('user', { name: 'Claire (mairie)', id: server.admin.userId, color: 'red; background: url(https://evil.example)' });
    await waitFor(() => stateOf(observer, impostor.doc.clientID)?.user !== undefined);
    const { presenceColor } = await newTrpcClient(server.url, { token: bastien.token }).documents.syncTarget.query({ id });
    expect(stateOf(observer, impostor.doc.clientID)?.user).toEqual({ id: bastien.userId, name: 'Bastien', color: presenceColor });
    impostor.destroy();
    observer.destroy();
  });

  it('gives the first eight members of a workspace eight distinct caret colours, the ones their document page shows', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Couleurs' });
    const members = [server.admin];
    for (const name of ['Bastien', 'Chloé', 'Dominique', 'Élise', 'Farid', 'Gaëlle', 'Hugo']) {
      members.push(await addMember(server.accounts, server.admin.workspaceId, 'editor', name));
    }
    const observer = newClient(server.syncUrl, id);
    const clients = members.map((member) => newClient(server!.syncUrl, id, { token: member.token }));
    await Promise.all([observer.synced, ...clients.map((client) => client.synced)]);
    for (const client of clients) client.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => clients.every((client) => stateOf(observer, client.doc.clientID)?.user?.color !== undefined));

    const shown = clients.map((client) => stateOf(observer, client.doc.clientID)!.user!.color);
    expect(new Set(shown).size).toBe(8);
    const own = await Promise.all(members.map(async (member) => (await newTrpcClient(server!.url, { token: member.token }).documents.syncTarget.query({ id })).presenceColor));
    expect(own).toEqual(shown);
    for (const client of [observer, ...clients]) client.destroy();
  });

  it('takes the name from the account: auth.updateProfile changes it, validated, and open sockets announce the new one', async () => {
    server = await newServer();
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Présence' });
    const bastien = await addMember(server.accounts, server.admin.workspaceId, 'viewer', 'Bastien');
    const api = newTrpcClient(server.url, { token: bastien.token });
    const client = newClient(server.syncUrl, id, { token: bastien.token });
    const observer = newClient(server.syncUrl, id);
    await Promise.all([client.synced, observer.synced]);
    client.provider.awareness.setLocalStateField('user', { name: 'Bastien' });
    await waitFor(() => stateOf(observer, client.doc.clientID)?.user?.name === 'Bastien');

    await expect(api.auth.updateProfile.mutate({ name: '   ' })).rejects.toThrow('Indiquez votre nom.');
    await expect(api.auth.updateProfile.mutate({ name: 'x'.repeat(81) })).rejects.toThrow('Votre nom ne doit pas dépasser 80 caractères.');
    expect(await api.auth.updateProfile.mutate({ name: '  Bastien R.  ' })).toMatchObject({ id: bastien.userId, name: 'Bastien R.' });
    expect((await server.accounts.getUser(bastien.userId))?.name).toBe('Bastien R.');
    // What the web app does once the name is saved; the server writes the account's new name.
    client.provider.awareness.setLocalStateField('user', { name: 'autre chose' });
    await waitFor(() => stateOf(observer, client.doc.clientID)?.user?.name === 'Bastien R.');
    client.destroy();
    observer.destroy();
  });

  it('bounds what an awareness flood relays to observers, and closes the flooder with 4429', async () => {
    const limit = { messagesPerSecond: 20, bytesPerSecond: 16 * 1024, burstSeconds: 1, closeAfterSeconds: 1 };
    server = await newServer({ awarenessRateLimit: limit });
    const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Présence' });
    const observers = [newRawClient(`${server.syncUrl}/${id}`), newRawClient(`${server.syncUrl}/${id}`)];
    await Promise.all(observers.map((observer) => observer.opened));
    const received = observers.map((observer) => {
      const count = { bytes: 0 };
      observer.socket.on('message', (data: Buffer) => {
        if (data[0] === 1) count.bytes += data.byteLength;
      });
      return count;
    });

    const viewer = await addMember(server.accounts, server.admin.workspaceId, 'viewer', 'Flot');
    const flooder = newRawClient(`${server.syncUrl}/${id}`, { token: viewer.token });
    await flooder.opened;
    let closedCode: number | undefined;
    void flooder.closed.then(({ code }) => (closedCode = code));
    const padding = 'x'.repeat(7 * 1024);
    const started = performance.now();
    let sent = 0;
    // Flood until the server closes the socket: how many bytes that takes depends on how fast
    // this machine sends, so only the close ends the loop (a server that never closes times out).
    for (let clock = 1; closedCode === undefined; clock++) {
      const frame = awarenessFrame([{ clientId: 424_242, clock, state: { padding } }]);
      flooder.send(frame);
      sent += frame.byteLength;
      // Lets the server read between frames, as a socket on a network would.
      if (clock % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      while (flooder.socket.bufferedAmount > 1024 * 1024 && closedCode === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { code } = await flooder.closed;
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(4429);
    // The flooder's removal reaches the observers last.
    await Promise.all(observers.map((observer) => observer.nextMessage((message) => message.type === 1 && message.payload.byteLength < 100)));
    const allowance = limit.bytesPerSecond * (seconds + limit.burstSeconds) + 64 * 1024;
    for (const { bytes } of received) expect(bytes, `${bytes} bytes relayed in ${seconds.toFixed(1)} s of a ${sent}-byte flood`).toBeLessThan(allowance);
    for (const observer of observers) observer.close();
  });
});
