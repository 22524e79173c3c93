import { ThinClient } from '../clients/ThinClient.js';
import { processRssBytes } from '../measure/procStats.js';
import { sleep } from '../measure/summarize.js';
import { settledIo } from '../measure/writeAmplification.js';
import { inBatches, type ScenarioContext } from './ScenarioContext.js';

const FIRST_MEMORY_ID = 500_000;
const WARM_UP_DOCUMENTS = 50;

export interface MemoryOpen {
  documents: number;
  /** RSS of the freshly restarted server, before anything. */
  rssFreshBytes: number;
  /** RSS after a warm-up (a few documents opened and left), idle: the start of the test. */
  rssStartBytes: number;
  rssOpenBytes: number;
  perDocumentBytes: number;
}

let held: ThinClient[] = [];

/** Before the restart: `memoryDocuments` documents of one page each, stored, nobody connected. */
export async function seedMemory(ctx: ScenarioContext): Promise<string[]> {
  const { api, params, workload, target } = ctx;
  const seed = workload.smallDocument().finalUpdate;
  const docNames = await api.createDocuments(params.memoryDocuments, 'Mémoire');
  await inBatches(docNames, 50, async (docName, i) => {
    const client = await ThinClient.connect(api, docName, FIRST_MEMORY_ID + i);
    // Every server handles a socket's messages before its close.
    client.send(client.codec.update(seed));
    await client.close();
  });
  await settledIo(target, params.writeQuietMs);
  return docNames;
}

/** After the restart: one client per document; RSS before and once everything is open. */
export async function openMemory(ctx: ScenarioContext, docNames: string[]): Promise<MemoryOpen> {
  const { api, target } = ctx;
  const settleMs = ctx.params.memorySettleSeconds * 1000;
  await sleep(settleMs);
  const rssFreshBytes = processRssBytes(target.pid);
  // Warm the code paths, caches and buffers first, so that the test measures what 1,000
  // documents leave behind rather than what any first use of a server allocates.
  const warmUp = await inBatches(docNames.slice(0, WARM_UP_DOCUMENTS), 25, (docName, i) => ThinClient.connect(api, docName, FIRST_MEMORY_ID + i));
  await inBatches(warmUp, 25, (client) => client.close());
  await settledIo(target, ctx.params.writeQuietMs);
  await sleep(ctx.params.memorySettleSeconds * 1000);
  const rssStartBytes = processRssBytes(target.pid);
  held = await inBatches(docNames, 50, (docName, i) => ThinClient.connect(api, docName, FIRST_MEMORY_ID + i));
  await sleep(settleMs);
  const rssOpenBytes = processRssBytes(target.pid);
  return { documents: docNames.length, rssFreshBytes, rssStartBytes, rssOpenBytes, perDocumentBytes: (rssOpenBytes - rssStartBytes) / docNames.length };
}

/** Every client leaves; RSS once the server has had time to store and unload. */
export async function closeMemory(ctx: ScenarioContext): Promise<{ rssAfterLeftBytes: number }> {
  await inBatches(held, 50, (client) => client.close());
  held = [];
  await settledIo(ctx.target, ctx.params.writeQuietMs);
  await sleep(ctx.params.memorySettleSeconds * 1000);
  return { rssAfterLeftBytes: processRssBytes(ctx.target.pid) };
}
