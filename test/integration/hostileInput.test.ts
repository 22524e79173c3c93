import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeUpdateFrame, newClient, newRawClient, newServer, newTrpcClient, waitFor, type TestServer } from '../helpers/index.js';

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
