// Server CPU of relaying committed batches to a room's connections, A/B in one process: the
// strategies alternate round by round on the same sockets, so machine noise hits them alike.
// `merged` is the relay before 2026-12 (Y.mergeUpdates per recipient: k + 1 merges for k writers
// in a turn), `frames` is DocumentRoom's (each update encoded and framed once, the prepared frames
// of the others written to each connection's socket under one cork), `wsSend` the same through
// ws.send (framed per recipient, the relay of 4 December). Receivers run in a child process pinned to the other core.
// Run: taskset -c 0 npx tsx bench/src/experiments/deliverStrategies.ts [docs=20] [clients=10] [turns=400] [maxWriters=3]
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { DocumentRoom } from '../../../apps/sync-server/src/sync/DocumentRoom.js';
import type { OriginUpdate } from '../../../apps/sync-server/src/sync/FanOut.js';
import { InProcessFanOut } from '../../../apps/sync-server/src/sync/InProcessFanOut.js';
import { RoomLog } from '../../../apps/sync-server/src/sync/RoomLog.js';
import { WriteQueue } from '../../../apps/sync-server/src/sync/WriteQueue.js';
import { silentLogger } from '../../../apps/sync-server/src/logger.js';
import { SyncConnection } from '../../../apps/sync-server/src/sync/SyncConnection.js';
import { encodeSyncUpdate } from '../../../apps/sync-server/src/sync/syncMessages.js';
import { spawnPinned } from '../servers/ServerProcess.js';
import { seededRandom } from '../workload/random.js';

const [docs, clients, turns, maxWriters] = process.argv.slice(2).map(Number);

if (process.argv[2] === '--receivers') {
  // The counting side: open every socket, count frames, report on request.
  const port = Number(process.argv[3]);
  const total = Number(process.argv[4]);
  let frames = 0;
  const sockets = Array.from({ length: total }, () => new WebSocket(`ws://127.0.0.1:${port}`));
  for (const socket of sockets) socket.on('message', () => frames++);
  await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('open', resolve))));
  process.send?.('open');
  process.on('message', () => process.send?.(frames));
} else {
  await main(docs || 20, clients || 10, turns || 400, maxWriters || 3);
}

async function main(docCount: number, clientCount: number, turnCount: number, writersPerTurn: number): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const accepted: WebSocket[] = [];
  wss.on('connection', (ws) => accepted.push(ws));
  const port = (wss.address() as AddressInfo).port;
  const receivers = spawnPinned(1, ['--import', 'tsx', new URL(import.meta.url).pathname, '--receivers', String(port), String(docCount * clientCount)]);
  await new Promise((resolve) => receivers.once('message', resolve));
  while (accepted.length < docCount * clientCount) await new Promise((resolve) => setTimeout(resolve, 10));

  const fanOut = new InProcessFanOut();
  const writes = new WriteQueue({ store: { appendUpdates: () => Promise.resolve() }, fanOut, logger: silentLogger });
  const rooms: DocumentRoom[] = [];
  for (let d = 0; d < docCount; d++) {
    // Only delivery is measured: nothing is applied, so the write queue never writes.
    const room = new DocumentRoom(`bench-${d}`, new RoomLog(), fanOut, writes);
    for (let c = 0; c < clientCount; c++) {
      room.connections.add(new SyncConnection(accepted[d * clientCount + c]!, room.id, { ackRequested: false, canWrite: true }));
    }
    rooms.push(room);
  }
  const keystrokes = typistKeystrokes(clientCount, turnCount * 3);
  const random = seededRandom(7);
  // One batch per document per turn, 1 to `writersPerTurn` writers (a quiet bench load: 1 to 3).
  const schedule = Array.from({ length: turnCount }, () =>
    rooms.map(() => {
      const writers = [...Array(clientCount).keys()].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * writersPerTurn));
      return writers.map((writer) => ({ writer, keystroke: Math.floor(random() * turnCount * 3) }));
    }),
  );

  const strategies: Record<string, (room: DocumentRoom, updates: OriginUpdate[]) => void> = {
    merged: deliverMerged,
    frames: (room, updates) => fanOut.publish(room.id, updates),
    wsSend: deliverThroughWs,
    uncorked: deliverUncorked,
    mergedOnce: deliverMergedOnce,
  };
  const names = Object.keys(strategies);
  const results: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < 12; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const deliver = strategies[name]!;
      let delivered = 0;
      const start = process.cpuUsage();
      for (const turn of schedule) {
        turn.forEach((writers, d) => {
          const room = rooms[d]!;
          const ids = [...room.connections].map((connection) => connection.id);
          const updates = writers.map(({ writer, keystroke }) => ({ origin: ids[writer]!, update: keystrokes[writer]![keystroke]! }));
          delivered += updates.length * (clientCount - 1);
          deliver(room, updates);
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      const used = process.cpuUsage(start);
      if (round > 1) results[name]!.push((used.user + used.system) / delivered);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const received = await new Promise<number>((resolve) => {
    receivers.once('message', (count) => resolve(count as number));
    receivers.send('count');
  });
  for (const [name, values] of Object.entries(results)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${name}: server CPU per 1,000 delivered updates median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} ms (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`);
  }
  console.log(`frames received by the clients: ${received}`);
  receivers.kill();
  for (const room of rooms) room.destroy();
  for (const ws of accepted) ws.terminate();
  wss.close();
}

/** The relay as it was: one merged frame per recipient, shared by those who sent nothing. */
function deliverMerged(room: DocumentRoom, updates: OriginUpdate[]): void {
  const merge = (entries: OriginUpdate[]) => (entries.length === 1 ? entries[0]!.update : Y.mergeUpdates(entries.map((entry) => entry.update)));
  let fromEveryone: Uint8Array | undefined;
  for (const connection of room.connections) {
    const others = updates.filter((entry) => entry.origin !== connection.id);
    if (others.length === 0) continue;
    if (others.length === updates.length) {
      fromEveryone ??= encodeSyncUpdate(merge(updates));
      connection.send(fromEveryone);
    } else {
      connection.send(encodeSyncUpdate(merge(others)));
    }
  }
}

/** Each update encoded once and framed by ws for each recipient, corked (the relay before prepared frames). */
function deliverThroughWs(room: DocumentRoom, updates: OriginUpdate[]): void {
  const frames = updates.map((entry) => encodeSyncUpdate(entry.update));
  for (const connection of room.connections) {
    const mine = frames.filter((_, index) => updates[index]!.origin !== connection.id);
    if (mine.length > 0) connection.sendAll(mine);
  }
}

/** Each update encoded once, the frames of the others sent one by one (no cork). */
function deliverUncorked(room: DocumentRoom, updates: OriginUpdate[]): void {
  const frames = updates.map((entry) => encodeSyncUpdate(entry.update));
  for (const connection of room.connections) {
    updates.forEach((entry, index) => {
      if (entry.origin !== connection.id) connection.send(frames[index]!);
    });
  }
}

/** One merge per turn for those who sent nothing; a sender gets the others' frames, corked. */
function deliverMergedOnce(room: DocumentRoom, updates: OriginUpdate[]): void {
  const frames = updates.map((entry) => encodeSyncUpdate(entry.update));
  const everyone = updates.length === 1 ? frames[0]! : encodeSyncUpdate(Y.mergeUpdates(updates.map((entry) => entry.update)));
  for (const connection of room.connections) {
    const index = updates.findIndex((entry) => entry.origin === connection.id);
    if (index < 0) connection.send(everyone);
    else connection.sendAll(frames.filter((_, other) => other !== index));
  }
}

/** Real one-character Yjs updates, `count` per typist, each typist in its own paragraph. */
function typistKeystrokes(typists: number, count: number): Uint8Array[][] {
  return Array.from({ length: typists }, (_, typist) => {
    const doc = new Y.Doc();
    const text = doc.getText('default');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < count; i++) text.insert(i, String.fromCharCode(97 + ((typist + i) % 26)));
    doc.destroy();
    return updates;
  });
}
