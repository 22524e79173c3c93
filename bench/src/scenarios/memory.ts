import { ThinClient } from '../clients/ThinClient.js';
import { processRssBytes } from '../measure/procStats.js';
import { sleep } from '../measure/summarize.js';
import { settledIo } from '../measure/writeAmplification.js';
import { inBatches, type ScenarioContext } from './ScenarioContext.js';

const FIRST_MEMORY_ID = 500_000;
const SETTLE_MS = 3_000;
/** Time given to the server to unload documents after the last client left. */
const AFTER_LEAVE_MS = 10_000;

export interface MemoryOpen {
  documents: number;
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
  await inBatches(docNames, 25, async (docName, i) => {
    const client = await ThinClient.connect(api, docName, FIRST_MEMORY_ID + i);
    // Every server handles a socket's messages before its close.
    client.send(client.codec.update(seed));
    await client.close();
  });
  await settledIo(target.pid);
  return docNames;
}

/** After the restart: one client per document; RSS before and once everything is open. */
export async function openMemory(ctx: ScenarioContext, docNames: string[]): Promise<MemoryOpen> {
  const { api, target } = ctx;
  await sleep(SETTLE_MS);
  const rssStartBytes = processRssBytes(target.pid);
  held = await inBatches(docNames, 25, (docName, i) => ThinClient.connect(api, docName, FIRST_MEMORY_ID + i));
  await sleep(SETTLE_MS);
  const rssOpenBytes = processRssBytes(target.pid);
  return { documents: docNames.length, rssStartBytes, rssOpenBytes, perDocumentBytes: (rssOpenBytes - rssStartBytes) / docNames.length };
}

/** Every client leaves; RSS once the server has had time to store and unload. */
export async function closeMemory(ctx: ScenarioContext): Promise<{ rssAfterLeftBytes: number }> {
  await inBatches(held, 50, (client) => client.close());
  held = [];
  await settledIo(ctx.target.pid);
  await sleep(AFTER_LEAVE_MS);
  return { rssAfterLeftBytes: processRssBytes(ctx.target.pid) };
}
