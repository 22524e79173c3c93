import { rm } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import {
  newClient,
  newDataDir,
  newServer,
  newTrpcClient,
  spawnServer,
  waitFor,
  type ServerProcess,
  type TestClient,
} from '../helpers/index.js';

const clients: TestClient[] = [];
const processes: ServerProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const { child, exited } of processes.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function track<T extends TestClient>(client: T): T {
  clients.push(client);
  return client;
}

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer(dataDir);
  processes.push(server);
  return server;
}

it('an edit that a peer received survives a SIGKILL of the server (persist before broadcast)', async () => {
  const dataDir = await newDataDir();
  dirs.push(dataDir);
  const first = await start(dataDir);
  const { id } = await newTrpcClient(first.url).documents.create.mutate({ title: 'Budget prévisionnel' });
  const alice = track(newClient(first.syncUrl, id));
  const bob = track(newClient(first.syncUrl, id));
  await Promise.all([alice.synced, bob.synced]);

  for (let i = 0; i < 20; i++) alice.doc.getText('text').insert(i, String.fromCharCode(97 + i));
  await waitFor(() => bob.text().length === 20);
  // No grace period: the moment the peer has the edits, the server dies without any cleanup.
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  alice.destroy();
  bob.destroy();

  const second = await start(dataDir);
  const carol = track(newClient(second.syncUrl, id));
  await carol.synced;
  expect(carol.text()).toBe('abcdefghijklmnopqrst');
});

it('SIGTERM closes connections with 1001, stores and folds open documents, exits 0', async () => {
  const dataDir = await newDataDir();
  dirs.push(dataDir);
  const server = await start(dataDir);
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan d’actions' });
  const alice = track(newClient(server.syncUrl, id));
  const bob = track(newClient(server.syncUrl, id));
  await Promise.all([alice.synced, bob.synced]);
  alice.doc.getText('text').insert(0, 'Phase 1 : mobilisation');
  await waitFor(() => bob.text() === 'Phase 1 : mobilisation');
  const closeCodes: number[] = [];
  alice.provider.on('connection-close', (event) => event && closeCodes.push(event.code));

  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  // Later entries are the client's reconnection attempts to the stopped server.
  expect(closeCodes[0]).toBe(1001);
  expect(server.stderr.some((line) => line.includes('"server.closed"') && line.includes('"unstoredUpdates":0'))).toBe(true);
  alice.destroy();
  bob.destroy();

  // The document was folded at shutdown: its state is in the snapshot, the log is empty.
  const reopened = await newServer({ dataDir });
  try {
    const stored = await reopened.store.loadDocument(id);
    expect(stored?.updates).toHaveLength(0);
    const carol = track(newClient(reopened.syncUrl, id));
    await carol.synced;
    expect(carol.text()).toBe('Phase 1 : mobilisation');
  } finally {
    await reopened.close();
  }
});
