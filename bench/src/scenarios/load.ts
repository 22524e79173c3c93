import { ThinClient } from '../clients/ThinClient.js';
import { MeasureWindow, type WindowReport } from '../measure/MeasureWindow.js';
import { processRssBytes } from '../measure/procStats.js';
import { sleep, summarize, type Distribution } from '../measure/summarize.js';
import { settledWrites, startWrites, writeAmplification, type WriteAmplification } from '../measure/writeAmplification.js';
import { seededRandom } from '../workload/random.js';
import { ProbePair } from './ProbePair.js';
import { inBatches, type ScenarioContext } from './ScenarioContext.js';

export interface LoadShape {
  docs: number;
  clientsPerDoc: number;
}

export interface LoadResult extends LoadShape {
  typingRate: number;
  /** Propagation from the probe writer to the probe reader, in the first document, under load. */
  propagation: Distribution;
  window: WindowReport;
  /** Keystrokes sent by the typists during the measured window. */
  sentKeystrokes: number;
  /** Keystrokes of others received by the counting receivers during the window. */
  deliveredKeystrokes: number;
  /** Server CPU milliseconds per 1,000 delivered updates (keystrokes). */
  cpuMsPer1000Delivered: number;
  /** Delivered ÷ expected over the whole run, after draining: 1 when nothing was lost. */
  deliveryRatio: number;
  /** Messages and bytes the receivers got per delivered keystroke (coalescing shows here). */
  messagesPerDelivered: number;
  bytesPerDelivered: number;
  /** Keystrokes sent back to their own author (y-websocket's server and Hocuspocus echo). */
  echoedKeystrokes: number;
  writeAmplification: WriteAmplification;
  serverRssBytes: number;
}

const TICK_MS = 5;
const DRAIN_TIMEOUT_MS = 20_000;

/**
 * `docs` × `clientsPerDoc` thin typists at `typingRate` keystrokes/s, each in its own paragraph of
 * a 5-page document, plus the probe pair in the first document. After a warm-up, one window
 * measures the server's CPU, the receivers' counts and the probes; then the typists stop, the
 * receivers drain, everyone leaves and the server's disk writes settle (write amplification).
 */
export async function runLoad(ctx: ScenarioContext, shape: LoadShape): Promise<LoadResult> {
  const { api, params, workload, target } = ctx;
  const total = shape.docs * shape.clientsPerDoc;
  const perClient = Math.ceil(params.typingRate * (params.warmupSeconds + params.loadSeconds + 3)) + 20;
  const streams = workload.typists(total, perClient);
  const seed = workload.mediumDocument().finalUpdate;
  const docNames = await api.createDocuments(shape.docs, 'Charge');
  const docOf = (index: number) => Math.floor(index / shape.clientsPerDoc);

  const clients = await inBatches(streams, 20, (stream, i) => ThinClient.connect(api, docNames[docOf(i)]!, stream.clientId));
  for (let d = 0; d < shape.docs; d++) {
    const first = clients[d * shape.clientsPerDoc]!;
    first.send(first.codec.update(seed));
  }
  clients.forEach((client, i) => client.send(client.codec.update(streams[i]!.opening)));
  const frames = clients.map((client, i) => streams[i]!.keystrokes.map((update) => client.codec.update(update)));
  const probes = await ProbePair.open(api, docNames[0]!);
  await sleep(Math.min(1_000, params.warmupSeconds * 500));
  for (const client of clients) client.resetCounters();

  const writesBefore = await startWrites(target);
  const probeBytesBefore = probes.writer.updateBytesOut;
  const probeWireBefore = probes.writer.wireBytesIn + probes.reader.wireBytesIn;
  const random = seededRandom(total);
  const interval = 1000 / params.typingRate;
  const start = performance.now();
  const next = clients.map(() => start + random() * interval);
  const sent = clients.map(() => 0);
  let updateBytes = 0;
  let nextProbe = start + random() * (1000 / params.probeHz);
  let probesSent = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    for (let i = 0; i < clients.length; i++) {
      const queue = frames[i]!;
      while (next[i]! <= now && sent[i]! < queue.length) {
        clients[i]!.send(queue[sent[i]!]!);
        updateBytes += streams[i]!.keystrokes[sent[i]!]!.byteLength;
        sent[i]!++;
        next[i]! += interval;
      }
    }
    while (nextProbe <= now) {
      probes.probe();
      probesSent++;
      nextProbe += 1000 / params.probeHz;
    }
  }, TICK_MS);

  const sumSent = () => sent.reduce((a, b) => a + b, 0);
  const sumDelivered = () => clients.reduce((sum, client) => sum + client.counters.foreignKeystrokes, 0);
  await sleep(params.warmupSeconds * 1000);
  const window = new MeasureWindow(target, ctx.pinning);
  const sent0 = sumSent();
  const delivered0 = sumDelivered();
  probes.recording = true;
  await sleep(params.loadSeconds * 1000);
  const report = window.finish();
  probes.recording = false;
  const sentKeystrokes = sumSent() - sent0;
  const deliveredKeystrokes = sumDelivered() - delivered0;
  clearInterval(tick);
  const serverRssBytes = processRssBytes(target.pid);

  // Everyone but the author receives each keystroke; the probe writer's reach every typist of doc 0.
  let expected = probesSent * shape.clientsPerDoc;
  for (let i = 0; i < clients.length; i++) expected += sent[i]! * (shape.clientsPerDoc - 1);
  const drainStart = performance.now();
  while (sumDelivered() < expected && performance.now() - drainStart < DRAIN_TIMEOUT_MS) await sleep(50);
  const delivered = sumDelivered();

  const counters = clients.map((client) => client.counters);
  const messages = counters.reduce((sum, c) => sum + c.updateMessages, 0);
  const bytes = counters.reduce((sum, c) => sum + c.bytesIn, 0);
  const echoedKeystrokes = counters.reduce((sum, c) => sum + c.echoedKeystrokes, 0);
  const probeWire = probes.writer.wireBytesIn + probes.reader.wireBytesIn - probeWireBefore;
  const socketBytes = counters.reduce((sum, c) => sum + c.wireBytesIn, 0) + probeWire;
  updateBytes += probes.writer.updateBytesOut - probeBytesBefore;

  await inBatches(clients, 50, (client) => client.close());
  await probes.close();
  const settled = await settledWrites(target, params.writeQuietMs);

  return {
    ...shape,
    typingRate: params.typingRate,
    propagation: summarize(probes.latencies),
    window: report,
    sentKeystrokes,
    deliveredKeystrokes,
    cpuMsPer1000Delivered: (report.serverCpuSeconds * 1000) / Math.max(1, deliveredKeystrokes / 1000),
    deliveryRatio: delivered / Math.max(1, expected),
    messagesPerDelivered: messages / Math.max(1, delivered),
    bytesPerDelivered: bytes / Math.max(1, delivered),
    echoedKeystrokes,
    writeAmplification: writeAmplification(writesBefore, settled.snapshot, updateBytes, socketBytes, settled.seconds),
    serverRssBytes,
  };
}
