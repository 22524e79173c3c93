import * as Y from 'yjs';
import { MeasureWindow, type WindowReport } from '../measure/MeasureWindow.js';
import { sleep, summarize, type Distribution } from '../measure/summarize.js';
import { seededRandom } from '../workload/random.js';
import { ProbePair } from './ProbePair.js';
import type { ScenarioContext } from './ScenarioContext.js';

export interface PropagationResult {
  propagation: Distribution;
  window: WindowReport;
}

/** Writer to reader on an otherwise idle server: one probe at a time, on a 5-page document. */
export async function runIdlePropagation(ctx: ScenarioContext): Promise<PropagationResult> {
  const { api, params, workload, target } = ctx;
  const [docName] = await api.createDocuments(1, 'Propagation');
  const probes = await ProbePair.open(api, docName!);
  await seedThrough(probes, workload.mediumDocument().finalUpdate);
  // Warm both ends' code paths before measuring.
  for (let i = 0; i < 20; i++) {
    probes.probe();
    await sleep(10);
  }
  await sleep(200);
  const random = seededRandom(1);
  const window = new MeasureWindow(target, ctx.pinning);
  probes.recording = true;
  for (let i = 0; i < params.idleProbes; i++) {
    probes.probe();
    // Jittered so probes never fall in step with a timer of the server.
    await sleep((1000 / params.probeHz) * (0.5 + random()));
  }
  const deadline = performance.now() + 5_000;
  while (probes.inFlight > 0 && performance.now() < deadline) await sleep(10);
  probes.recording = false;
  const report = window.finish();
  await probes.close();
  return { propagation: summarize(probes.latencies), window: report };
}

/** Applies `update` on the writer (so the server relays it) and waits for the reader to hold it. */
export async function seedThrough(probes: ProbePair, update: Uint8Array): Promise<void> {
  Y.applyUpdate(probes.writer.doc, update);
  const target = Y.decodeStateVector(Y.encodeStateVector(probes.writer.doc));
  await probes.reader.until(() => probes.reader.covers(target));
}
