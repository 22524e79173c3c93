import { ThinClient } from '../clients/ThinClient.js';
import { MeasureWindow, type WindowReport } from '../measure/MeasureWindow.js';
import { sleep } from '../measure/summarize.js';
import { encodeAwarenessUpdate } from '../workload/awarenessState.js';
import { seededRandom } from '../workload/random.js';
import { inBatches, type ScenarioContext } from './ScenarioContext.js';

const FIRST_AWARENESS_ID = 600_000;

export interface AwarenessResult {
  clients: number;
  updatesPerSecondIn: number;
  /** Awareness messages and bytes all clients received, per second. */
  messagesPerSecondOut: number;
  bytesPerSecondOut: number;
  /** Bytes each client received per second, on average. */
  bytesPerClientPerSecond: number;
  serverCores: number;
  window: WindowReport;
}

/** `awarenessClients` participants on one document, each moving its caret `awarenessHz` times a second. */
export async function runAwareness(ctx: ScenarioContext): Promise<AwarenessResult> {
  const { api, params, target } = ctx;
  const [docName] = await api.createDocuments(1, 'Présence');
  const ids = Array.from({ length: params.awarenessClients }, (_, i) => FIRST_AWARENESS_ID + i);
  const clients = await inBatches(ids, 10, (id) => ThinClient.connect(api, docName!, id));
  const clocks = ids.map(() => 1);
  const send = (i: number) => {
    const client = clients[i]!;
    client.send(client.codec.awareness(encodeAwarenessUpdate(ids[i]!, clocks[i]!, clocks[i]! * 7)));
    clocks[i]!++;
  };
  clients.forEach((_, i) => send(i));
  await sleep(1_000);
  for (const client of clients) client.resetCounters();

  const random = seededRandom(params.awarenessClients);
  const interval = 1000 / params.awarenessHz;
  const start = performance.now();
  const next = ids.map(() => start + random() * interval);
  let sent = 0;
  const window = new MeasureWindow(target, ctx.pinning);
  const tick = setInterval(() => {
    const now = performance.now();
    for (let i = 0; i < clients.length; i++) {
      while (next[i]! <= now) {
        send(i);
        sent++;
        next[i]! += interval;
      }
    }
  }, 5);
  await sleep(params.awarenessSeconds * 1000);
  clearInterval(tick);
  const report = window.finish();
  await sleep(300);
  const seconds = report.wallSeconds;
  const messages = clients.reduce((sum, client) => sum + client.counters.awarenessMessages, 0);
  const bytes = clients.reduce((sum, client) => sum + client.counters.bytesIn, 0);
  await inBatches(clients, 50, (client) => client.close());
  return {
    clients: clients.length,
    updatesPerSecondIn: sent / seconds,
    messagesPerSecondOut: messages / seconds,
    bytesPerSecondOut: bytes / seconds,
    bytesPerClientPerSecond: bytes / seconds / clients.length,
    serverCores: report.serverCpuSeconds / seconds,
    window: report,
  };
}
