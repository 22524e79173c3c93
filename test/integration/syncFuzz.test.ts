import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  encodeUpdateFrame,
  newClient,
  newRawClient,
  newServer,
  newTrpcClient,
  waitFor,
  type RawClient,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';

/**
 * Random and mutated frames against the real message handler. Whatever arrives, the process
 * stays up, the connection either keeps working or is closed with a close code, the other
 * document is untouched, and what the server holds in memory is what it stored.
 */
let server: TestServer;
let target: string;
let bystander: string;
let witness: TestClient;
let bystanderClient: TestClient;

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const validFrames = [
  encodeUpdateFrame(textUpdate('Un passage valide')),
  Uint8Array.of(0, 0, 1, 0), // sync step 1 with an empty state vector
  Uint8Array.of(3), // query awareness
  (() => {
    const doc = new Y.Doc();
    doc.getMap('m').set('clé', 'valeur');
    return encodeUpdateFrame(Y.encodeStateAsUpdate(doc));
  })(),
];

const mutatedFrame = fc
  .record({
    base: fc.constantFrom(...validFrames),
    edits: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ base, edits }) => {
    let bytes = Array.from(base);
    for (const edit of edits) {
      const at = bytes.length === 0 ? 0 : edit.at % bytes.length;
      if (edit.kind === 'flip') bytes[at] = edit.byte;
      else if (edit.kind === 'truncate') bytes = bytes.slice(0, at);
      else bytes.splice(at, 0, ...edit.bytes);
    }
    return Uint8Array.from(bytes);
  });

const frame = fc.oneof(
  { arbitrary: fc.uint8Array({ minLength: 0, maxLength: 64 }), weight: 2 },
  { arbitrary: fc.uint8Array({ minLength: 0, maxLength: 6 }).map((tail) => Uint8Array.of(0, 2, ...tail)), weight: 1 },
  // A varint made only of continuation bytes.
  { arbitrary: fc.constant(Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)), weight: 1 },
  { arbitrary: fc.constantFrom(...validFrames), weight: 1 },
  { arbitrary: mutatedFrame, weight: 5 },
);

beforeAll(async () => {
  server = await newServer();
  const api = newTrpcClient(server.url);
  target = (await api.documents.create.mutate({ title: 'Cible' })).id;
  bystander = (await api.documents.create.mutate({ title: 'Témoin' })).id;
  witness = newClient(server.syncUrl, target);
  bystanderClient = newClient(server.syncUrl, bystander);
  await Promise.all([witness.synced, bystanderClient.synced]);
  bystanderClient.doc.getText('text').insert(0, 'Ne pas toucher');
  await waitFor(() => server.stats().pendingUpdates === 0);
});

afterAll(async () => {
  witness.destroy();
  bystanderClient.destroy();
  await server.dispose();
});

/** Sends the frame, then a sync step 1: either the reply comes, or the connection was closed. */
async function probe(bytes: Uint8Array): Promise<'answered' | number> {
  const raw: RawClient = newRawClient(`${server.syncUrl}/${target}`);
  try {
    await raw.opened;
    raw.send(bytes);
    raw.sendSyncStep1();
    const outcome = await Promise.race([
      raw.nextMessage((message) => message.type === 0 && message.syncType === 1).then(() => 'answered' as const),
      raw.closed.then(({ code }) => code),
    ]);
    return outcome;
  } finally {
    raw.socket.terminate();
  }
}

describe('sync message handler under random and mutated frames', () => {
  it('never crashes, closes bad connections with a code, and keeps memory and storage in step', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(frame, async (bytes) => {
        const outcome = await probe(bytes);
        const key = String(outcome);
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        // Only protocol close codes: never an abnormal drop (1006) or a server error (1011).
        expect(outcome === 'answered' || outcome === 4400 || outcome === 1009).toBe(true);
      }),
      { numRuns: 250, interruptAfterTimeLimit: 20_000, seed: 20261123 },
    );
    expect(outcomes.get('4400') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('answered') ?? 0).toBeGreaterThan(0);

    expect(bystanderClient.doc.getText('text').toString()).toBe('Ne pas toucher');
    const health = await newTrpcClient(server.url).health.query();
    expect(health.ok).toBe(true);

    // What the witness converged to is exactly what the server stored: restart and compare.
    await waitFor(() => server.stats().pendingUpdates === 0);
    const expected = witness.doc.getText('text').toString();
    witness.destroy();
    bystanderClient.destroy();
    await server.close();
    server = await newServer({ dataDir: server.dataDir });
    const fresh = newClient(server.syncUrl, target);
    try {
      await fresh.synced;
      expect(fresh.doc.getText('text').toString()).toBe(expected);
    } finally {
      fresh.destroy();
    }
  });
});
