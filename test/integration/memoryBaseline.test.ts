import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '@canevas/sync-server';
import * as encoding from 'lib0/encoding';
import { afterEach, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { newRawClient, newServer, waitFor, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

/** global.gc without restarting vitest's workers with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Twice: objects freed by the first pass (weak maps, finalizers) are reclaimed by the second.
  gc();
  gc();
}

/** Timers, sockets, immediates… of this process, counted by type. */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function awarenessFrame(name: string): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name } });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

const LANES = 20;
// BASELINE_CYCLES (a multiple of LANES) runs more cycles, to look for a slope in the heap figure.
const CYCLES = Number(process.env.BASELINE_CYCLES ?? 10_000);
/**
 * A leaked connection (its SyncConnection, ws socket and buffers, a listener closure: several
 * KiB) per cycle would add tens of MiB over 10,000 cycles; any leak above about 520 bytes per
 * cycle fails. What remains is GC and JIT noise: +1.2 to +1.7 MiB measured, for 1,000 cycles too.
 */
const HEAP_GROWTH_BOUND = 5 * 1024 * 1024;

it('10,000 open/close cycles: heap, timers and handles return to baseline', async () => {
  // Silent: captured log lines would otherwise show up as heap growth.
  // Unloads leave short logs, folded once nobody came back for this long.
  server = await newServer({ logger: silentLogger, idleFoldDelayMs: 100 });
  const { store, admin, syncUrl } = server;
  // Created through the store rather than the API, so that no keep-alive HTTP socket of a tRPC
  // client is open at one count and closed at the other.
  const ids = Array.from({ length: LANES }, (_, lane) => `baseline-lane-${lane}`);
  for (const [lane, id] of ids.entries()) {
    await store.createDocument({
      id,
      title: `Dossier ${lane}`,
      workspaceId: admin.workspaceId,
      referentialId: null,
      templateId: null,
      createdAt: Date.now(),
      snapshot: Y.encodeStateAsUpdate(new Y.Doc()),
    });
  }
  const expected = ids.map(() => '');
  const closings: Promise<unknown>[] = [];

  /** One client opens a lane's document, checks it sees every earlier edit, maybe edits, and leaves. */
  async function cycle(lane: number, round: number): Promise<void> {
    const client = newRawClient(`${syncUrl}/${ids[lane]}?ack=1`);
    closings.push(client.closed);
    await client.opened;
    client.sendSyncStep1();
    const step2 = await client.nextMessage((message) => message.syncType === 1);
    // The lane's previous client left without waiting: this one often arrives while the server
    // unloads (and folds) the document, and must still see all of it.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, step2.payload);
    expect(doc.getText('text').toString()).toBe(expected[lane]);
    if (round % 5 === 0) client.send(awarenessFrame(`Participant ${lane}.${round}`));
    if (round % 10 === 0) {
      const before = Y.encodeStateVector(doc);
      doc.getText('text').insert(doc.getText('text').length, String(round % 7));
      client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
      await client.nextMessage((message) => message.type === 100);
      expected[lane] = doc.getText('text').toString();
    }
    doc.destroy();
    client.close();
  }

  let rounds = 0;
  async function run(cycles: number): Promise<void> {
    // Each lane runs its cycles one after the other on its own document; lanes run side by side.
    const first = rounds;
    rounds += cycles / LANES;
    await Promise.all(
      ids.map(async (_, lane) => {
        for (let round = first; round < rounds; round++) await cycle(lane, round);
      }),
    );
    await Promise.all(closings.splice(0));
    await waitFor(() => {
      const stats = server!.stats();
      return stats.documents === 0 && stats.loading === 0 && stats.connections === 0;
    });
    await waitFor(async () => (await Promise.all(ids.map((id) => store.loadDocument(id)))).every((stored) => stored!.updates.length === 0));
  }

  // A first round warms up what is created once (compiled code, pools, prepared statements).
  await run(LANES * 5);
  // Closed sockets release their handles on a later turn.
  await new Promise((resolve) => setTimeout(resolve, 100));
  collectGarbage();
  const resourcesBefore = activeResources();
  const heapBefore = process.memoryUsage().heapUsed;

  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  await run(CYCLES);
  const seconds = (Date.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);

  await new Promise((resolve) => setTimeout(resolve, 100));
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  const resourcesAfter = activeResources();
  console.info(
    `memory baseline: ${CYCLES} cycles (${LANES} in parallel) in ${seconds.toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU, server and clients); ` +
      `heapUsed ${(heapBefore / 1048576).toFixed(1)} MiB before, ${(heapAfter / 1048576).toFixed(1)} MiB after ` +
      `(${((heapAfter - heapBefore) / 1048576).toFixed(2)} MiB); resources before ${JSON.stringify(resourcesBefore)}, ` +
      `after ${JSON.stringify(resourcesAfter)}`,
  );

  expect(server.stats()).toEqual({ documents: 0, loading: 0, connections: 0, pendingUpdates: 0 });
  // SQLite's WAL checkpoint thread starts with the first checkpoint, after 250 commits of folds
  // (COMMITS_PER_CHECKPOINT): the measured run crosses it or not, so one MessagePort may appear,
  // once. A leak would add one per cycle, thousands.
  const { MessagePort: portsAfter = 0, ...othersAfter } = resourcesAfter;
  const { MessagePort: portsBefore = 0, ...othersBefore } = resourcesBefore;
  expect(othersAfter).toEqual(othersBefore);
  expect(portsAfter - portsBefore).toBeGreaterThanOrEqual(0);
  expect(portsAfter - portsBefore).toBeLessThanOrEqual(1);
  expect(heapAfter - heapBefore).toBeLessThan(HEAP_GROWTH_BOUND);
  for (const [lane, id] of ids.entries()) {
    const stored = await store.loadDocument(id);
    // Every short log left by an unload was folded once idle (waited for in run()).
    expect(stored!.updates).toHaveLength(0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.snapshot!);
    expect(doc.getText('text').toString()).toBe(expected[lane]);
    expect(expected[lane]!.length).toBeGreaterThan(0);
  }
  // About 35 s on an idle 2-core machine; the deadline only turns a hang into a failure.
}, 240_000);
