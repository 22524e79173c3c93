import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '@canevas/sync-server';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRawClient, newServer, newTrpcClient, waitFor, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

/** global.gc without restarting vitest's workers with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

it('1,000 open/close cycles leave no document in memory, and reconnects during unload see every edit', async () => {
  // Silent: captured log lines would otherwise show up as heap growth.
  // Unloads leave short logs, folded once nobody came back for this long.
  server = await newServer({ logger: silentLogger, idleFoldDelayMs: 100 });
  const api = newTrpcClient(server.url);
  const ids = await Promise.all(
    ['Plan', 'Budget', 'Carte des parties prenantes'].map(async (title) => (await api.documents.create.mutate({ title })).id),
  );
  const expected = new Map(ids.map((id) => [id, '']));

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;

  for (let cycle = 0; cycle < 1000; cycle++) {
    const docId = ids[cycle % ids.length]!;
    const client = newRawClient(`${server.syncUrl}/${docId}?ack=1`);
    await client.opened;
    client.sendSyncStep1();
    const step2 = await client.nextMessage((message) => message.syncType === 1);
    // The previous connection to this document closed without waiting: this one often lands while
    // the server unloads it, and must still see the full content.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2.payload);
    expect(doc.getText('text').toString()).toBe(expected.get(docId));

    if (cycle % 10 === 0) {
      const before = Y.encodeStateVector(doc);
      doc.getText('text').insert(doc.getText('text').length, String(cycle % 7));
      client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
      await client.nextMessage((message) => message.type === 100);
      expected.set(docId, doc.getText('text').toString());
    }
    doc.destroy();
    client.close();
  }

  await waitFor(() => server!.stats().documents === 0 && server!.stats().loading === 0 && server!.stats().connections === 0);
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  console.info(
    `memory: heapUsed before ${(heapBefore / 1048576).toFixed(1)} MiB, after 1,000 cycles ${(heapAfter / 1048576).toFixed(1)} MiB`,
  );
  expect(server.stats()).toEqual({ documents: 0, loading: 0, connections: 0, pendingUpdates: 0 });
  // Every short log left by an unload is folded once the document stays idle.
  await waitFor(async () => (await Promise.all(ids.map((id) => server!.store.loadDocument(id)))).every((stored) => stored!.updates.length === 0));
  for (const id of ids) {
    const stored = await server.store.loadDocument(id);
    expect(stored!.updates).toHaveLength(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.snapshot!);
    expect(doc.getText('text').toString()).toBe(expected.get(id));
  }
});
