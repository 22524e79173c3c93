import * as Y from 'yjs';
import { DocClient } from '../clients/DocClient.js';
import { ThinClient } from '../clients/ThinClient.js';
import { sleep } from '../measure/summarize.js';
import { settledIo } from '../measure/writeAmplification.js';
import type { ScenarioContext } from './ScenarioContext.js';

const SEEDER_ID = 7_101;
const LOADER_ID = 7_102;
const MAX_BUFFERED_BYTES = 1 << 20;

export interface ColdLoadSeed {
  docNames: string[];
  /** Time to replay the 30-page trace into the first document (seconds). */
  replaySeconds: number;
  replayedUpdates: number;
}

export interface ColdLoadSample {
  /** Socket opening to the whole document in the client's Y.Doc. */
  totalMs: number;
  /** Of which the client's own Y.applyUpdate (identical for every server). */
  clientApplyMs: number;
  /** totalMs − clientApplyMs: loading from storage, encoding, transfer. */
  serverMs: number;
}

export interface ColdLoadResult {
  trace: { updates: number; finalBytes: number };
  /** The first load after the restart: the document typed keystroke by keystroke. */
  first: ColdLoadSample;
  /** Further documents (the same content, stored as one update), loaded in the same process. */
  copies: ColdLoadSample[];
}

/**
 * Before the restart: replays the 30-page trace into one document the way its authors' providers
 * sent it (update by update; `coldLoadBatch` > 1 merges consecutive ones to save time in quick
 * runs), and stores copies of the final document in a few more; then everyone leaves.
 */
export async function seedColdLoad(ctx: ScenarioContext): Promise<ColdLoadSeed> {
  const { api, params, workload, target } = ctx;
  const trace = workload.dossierTrace();
  const docNames = await api.createDocuments(1 + params.coldLoadCopies, 'Dossier de 30 pages');
  const replay = await ThinClient.connect(api, docNames[0]!, SEEDER_ID);
  const start = performance.now();
  const batch = Math.max(1, params.coldLoadBatch);
  let replayedUpdates = 0;
  for (let i = 0; i < trace.updates.length; i += batch) {
    const slice = trace.updates.slice(i, i + batch);
    replay.send(replay.codec.update(slice.length === 1 ? slice[0]! : Y.mergeUpdates(slice)));
    replayedUpdates++;
    while (replay.bufferedAmount > MAX_BUFFERED_BYTES) await sleep(1);
  }
  await expectStored(ctx, docNames[0]!, trace.stateVector);
  const replaySeconds = (performance.now() - start) / 1000;
  await replay.close();
  for (const docName of docNames.slice(1)) {
    const copy = await ThinClient.connect(api, docName, SEEDER_ID);
    copy.send(copy.codec.update(trace.finalUpdate));
    await expectStored(ctx, docName, trace.stateVector);
    await copy.close();
  }
  await settledIo(target, params.writeQuietMs);
  return { docNames, replaySeconds, replayedUpdates };
}

/** After the restart: loads each document once, the first one in a process that has served nothing yet. */
export async function measureColdLoad(ctx: ScenarioContext, seed: ColdLoadSeed): Promise<ColdLoadResult> {
  const { api, workload } = ctx;
  const trace = workload.dossierTrace();
  const samples: ColdLoadSample[] = [];
  for (const docName of seed.docNames) {
    const url = await api.socketUrl(docName);
    const client = new DocClient(api, docName, { clientId: LOADER_ID });
    const start = performance.now();
    // The whole document may come in the sync step 2 or, from a server that answers before it
    // has loaded (y-websocket's), in later updates: wait for the content, not for the step.
    await client.connect(url);
    await client.until(() => client.covers(trace.stateVector));
    const totalMs = performance.now() - start;
    samples.push({ totalMs, clientApplyMs: client.applyMs, serverMs: totalMs - client.applyMs });
    await client.destroy();
    await sleep(200);
  }
  return { trace: { updates: trace.updates.length, finalBytes: trace.finalUpdate.byteLength }, first: samples[0]!, copies: samples.slice(1) };
}

async function expectStored(ctx: ScenarioContext, docName: string, stateVector: Map<number, number>): Promise<void> {
  const check = new DocClient(ctx.api, docName, { clientId: LOADER_ID + 1 });
  await check.connect();
  await check.until(() => check.covers(stateVector), 300_000);
  await check.destroy();
}
