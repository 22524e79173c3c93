// The floor under every propagation figure: a bare ws relay (no Yjs, no storage) in a process
// pinned to the server core, two clients in this process, probes back to back and spaced out.
// Run: taskset -c 1 npx tsx bench/src/experiments/wsRelayFloor.ts
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { spawnPinned } from '../servers/ServerProcess.js';
import { sleep, summarize } from '../measure/summarize.js';

if (process.argv[2] === '--relay') {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (ws) => ws.on('message', (data) => wss.clients.forEach((client) => client !== ws && client.send(data))));
  wss.on('listening', () => process.send?.((wss.address() as AddressInfo).port));
} else {
  const relay = spawnPinned(0, ['--import', 'tsx', new URL(import.meta.url).pathname, '--relay']);
  const port = await new Promise<number>((resolve) => relay.once('message', (message) => resolve(message as number)));
  const [writer, reader] = [new WebSocket(`ws://127.0.0.1:${port}`), new WebSocket(`ws://127.0.0.1:${port}`)];
  await Promise.all([writer, reader].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
  for (const gapMs of [0, 5, 50]) {
    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      await new Promise<void>((resolve) => {
        reader.once('message', () => resolve());
        writer.send(new Uint8Array(20));
      });
      latencies.push(performance.now() - start);
      if (gapMs) await sleep(gapMs);
    }
    const stats = summarize(latencies.slice(20));
    console.log(`probes ${gapMs} ms apart: p50 ${stats.p50.toFixed(3)} ms, p99 ${stats.p99.toFixed(3)} ms`);
  }
  writer.close();
  reader.close();
  relay.kill();
}
