import { rm } from 'node:fs/promises';
import { DOCUMENT_FIELD } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import { afterEach, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  defaultTokenFor,
  newClient,
  newDataDir,
  newTrpcClient,
  seededRandom,
  spawnServer,
  waitFor,
  webSocketWithToken,
  type SeededRandom,
  type ServerProcess,
  type TestClient,
} from '../helpers/index.js';

const clients: TestClient[] = [];
const processes: ServerProcess[] = [];
const dirs: string[] = [];
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  for (const client of clients.splice(0)) client.destroy();
  for (const { child, exited } of processes.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const SEED = 0x7c4e5a;
const WRITERS_PER_DOCUMENT = 5;

/** A stock client that keeps every update the server sent it (that is, what its peers wrote). */
interface Participant {
  name: string;
  client: TestClient;
  received: Uint8Array[];
}

function participant(syncUrl: string, docId: string, name: string): Participant {
  const received: Uint8Array[] = [];
  // The frames as they came off the wire, not the doc's 'update' events: when a remote map entry
  // meets a concurrent local one for the same key, the transaction that applies it deletes the
  // loser, possibly the remote entry itself. That deletion follows from an unsent local edit; the
  // server never sent it, and a recovered doc without the local edit rightly keeps the entry.
  const Base = webSocketWithToken(defaultTokenFor(syncUrl.replace(/^ws/, 'http')) ?? null);
  class RecordingWebSocket extends Base {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        const update = serverUpdateOf(event.data as ArrayBuffer | Uint8Array);
        if (update) received.push(update);
      });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, docId, doc, { disableBc: true, WebSocketPolyfill: RecordingWebSocket });
  const client: TestClient = {
    doc,
    provider,
    synced: new Promise<void>((resolve) => provider.once('sync', (state: boolean) => state && resolve())),
    closed: new Promise((resolve) => provider.once('closed', resolve)),
    text: () => doc.getText('text').toString(),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  clients.push(client);
  return { name, client, received };
}

/** The update in a sync step 2 or update frame, else undefined. */
function serverUpdateOf(data: ArrayBuffer | Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const syncType = decoding.readVarUint(decoder);
  return syncType === 1 || syncType === 2 ? decoding.readVarUint8Array(decoder) : undefined;
}

const WORDS = ['diagnostic', 'territoire', 'emploi', 'comité', 'budget', 'phase', 'mobilisation', 'indicateur'];

/** One keystroke-sized edit: mostly characters typed at random places, sometimes a field or a paragraph. */
function typeSomething(doc: Y.Doc, random: SeededRandom): void {
  const text = doc.getText('text');
  const roll = random.next();
  if (roll < 0.7 || text.length === 0) {
    text.insert(random.below(text.length + 1), String.fromCharCode(97 + random.below(26)));
  } else if (roll < 0.8) {
    text.delete(random.below(text.length), 1);
  } else if (roll < 0.9) {
    doc.getMap('fields').set(`champ${random.below(12)}`, `${random.pick(WORDS)} ${random.below(1000)}`);
  } else {
    const body = doc.getXmlFragment(DOCUMENT_FIELD);
    const paragraph = new Y.XmlElement('paragraph');
    const run = new Y.XmlText();
    run.insert(0, random.pick(WORDS));
    paragraph.insert(0, [run]);
    body.insert(random.below(body.length + 1), [paragraph]);
  }
}

/** True when `update` brings nothing that `doc` lacks: no struct, no deletion, nothing left pending. */
function bringsNothingNew(doc: Y.Doc, updates: readonly Uint8Array[]): boolean {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    let changed = false;
    probe.on('update', () => (changed = true));
    for (const update of updates) Y.applyUpdate(probe, update);
    return !changed && probe.store.pendingStructs === null && probe.store.pendingDs === null;
  } finally {
    probe.destroy();
  }
}

/** What `updates` hold that `doc` lacks, for the failure message: clocks per client, and deletions. */
function describeMissing(doc: Y.Doc, updates: readonly Uint8Array[]): string {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  const missing: string[] = [];
  for (const update of updates) {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if ((vector.get(client) ?? 0) < clock + struct.length) missing.push(`item ${client}:${clock}+${struct.length}`);
    }
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) {
        for (let at = clock; at < clock + len; at++) {
          if (!Y.isDeleted(deleted, Y.createID(client, at))) missing.push(`deletion of ${client}:${at}`);
        }
      }
    }
  }
  return JSON.stringify(missing.slice(0, 20));
}

function structCount(doc: Y.Doc): number {
  let count = 0;
  for (const clock of Y.decodeStateVector(Y.encodeStateVector(doc)).values()) count += clock;
  return count;
}

it('SIGKILL during heavy typing by 10 clients: nothing that any peer received is lost', async () => {
  const dataDir = await newDataDir();
  dirs.push(dataDir);
  const first = await spawnServer(dataDir);
  processes.push(first);
  const api = newTrpcClient(first.url);
  const docIds = await Promise.all(
    ['Plan de communication', 'Budget prévisionnel'].map(async (title) => (await api.documents.create.mutate({ title })).id),
  );

  // Two documents, five writers each, and on each one an observer that never types: everything
  // in an observer's doc came from a peer through the server.
  const writers = docIds.flatMap((docId, d) =>
    Array.from({ length: WRITERS_PER_DOCUMENT }, (_, w) => ({ docId, ...participant(first.syncUrl, docId, `rédacteur ${d}.${w}`) })),
  );
  const observers = docIds.map((docId, d) => ({ docId, ...participant(first.syncUrl, docId, `observateur ${d}`) }));
  const everyone = [...writers, ...observers];
  await Promise.all(everyone.map(({ client }) => client.synced));

  // One timer drives every writer, a few keystrokes each per tick (one transaction, hence one
  // message, per keystroke). The SIGKILL is sent from inside a tick, right after a burst, so
  // updates are on their way to the server, or in its batch, when it dies.
  const randoms = writers.map((_, index) => seededRandom(SEED + index));
  let typedTotal = 0;
  const startedAt = Date.now();
  const killed = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      writers.forEach((writer, index) => {
        for (let keystroke = 0; keystroke < 3; keystroke++) typeSomething(writer.client.doc, randoms[index]!);
      });
      typedTotal += writers.length * 3;
      // In full flow: typing has gone on for a while and every observer already received a lot.
      const observed = observers.every(({ client }) => structCount(client.doc) >= 1000);
      if (Date.now() - startedAt < 1500 || !observed) return;
      // A last, larger burst, so that the server is in the middle of work when it dies.
      writers.forEach((writer, index) => {
        for (let keystroke = 0; keystroke < 20; keystroke++) typeSomething(writer.client.doc, randoms[index]!);
      });
      typedTotal += writers.length * 20;
      first.child.kill('SIGKILL');
      clearInterval(timer);
      resolve();
    }, 2);
    timers.push(timer);
  });
  await killed;
  expect(await first.exited).toBe('SIGKILL');
  // Whatever was already on the wire when the server died is still delivered, and was stored
  // before being sent, so it counts as received: record only once every socket is closed.
  await waitFor(() => everyone.every(({ client }) => !client.provider.wsconnected));
  for (const { client } of everyone) client.provider.disconnect();

  const second = await spawnServer(dataDir);
  processes.push(second);
  for (const docId of docIds) {
    const reader = newClient(second.syncUrl, docId);
    clients.push(reader);
    await reader.synced;
    const recovered = reader.doc;
    const mine = everyone.filter((entry) => entry.docId === docId);

    // The contract (persist before broadcast): the server relays an update only once it is
    // committed, and answers a sync only when everything it holds is committed. So each update
    // that a client received from the server, whether relayed or in a sync reply, must be in the
    // recovered document: every struct (state vector) and every deletion. A writer's own edits that
    // no peer has seen may legitimately be lost (they may not have reached the server, or not been
    // committed yet), so they are not required; but all that a peer received — including the
    // observer's whole doc — is.
    for (const { name, received } of mine) {
      expect(received.length, `${name} received updates`).toBeGreaterThan(0);
      const contained = bringsNothingNew(recovered, received);
      expect(contained, `${name}: received but not recovered ${describeMissing(recovered, received)}`).toBe(true);
    }
    const observer = observers.find((entry) => entry.docId === docId)!;
    expect(bringsNothingNew(recovered, [Y.encodeStateAsUpdate(observer.client.doc)])).toBe(true);

    // And nothing was invented or duplicated: what was recovered is part of what the writers wrote.
    const union = new Y.Doc();
    for (const { client } of mine) Y.applyUpdate(union, Y.encodeStateAsUpdate(client.doc));
    expect(bringsNothingNew(union, [Y.encodeStateAsUpdate(recovered)])).toBe(true);

    const writtenStructs = structCount(union);
    const recoveredStructs = structCount(recovered);
    const observedStructs = structCount(observer.client.doc);
    console.info(
      `crash under load, ${docId}: ${writtenStructs} items written, ${observedStructs} seen by the observer, ` +
        `${recoveredStructs} recovered (${writtenStructs - recoveredStructs} unacknowledged local items lost)`,
    );
    expect(recoveredStructs).toBeGreaterThanOrEqual(observedStructs);
    union.destroy();
  }
  console.info(`crash under load: ${typedTotal} edits typed by ${writers.length} writers before the SIGKILL`);
  // Two server starts (tsx) dominate; on a busy 2-core machine they alone can take 20 s.
}, 120_000);
