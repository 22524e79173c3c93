// The load generator: a separate process pinned to its own core, driven by the orchestrator over
// IPC. It holds every client; the servers never share its core.
import type { BenchParams } from '../BenchParams.js';
import { ServerApi } from '../clients/ServerApi.js';
import type { CorePinning } from '../measure/MeasureWindow.js';
import type { ServerTarget } from '../protocol/ServerKind.js';
import { runAwareness } from '../scenarios/awareness.js';
import { runCatchUp } from '../scenarios/catchUp.js';
import { measureColdLoad, seedColdLoad, type ColdLoadSeed } from '../scenarios/coldLoad.js';
import { runEditor } from '../scenarios/editor.js';
import { runLoad, type LoadShape } from '../scenarios/load.js';
import { closeMemory, openMemory, seedMemory } from '../scenarios/memory.js';
import { runIdlePropagation } from '../scenarios/propagation.js';
import type { ScenarioContext } from '../scenarios/ScenarioContext.js';
import { Workload } from '../scenarios/Workload.js';
import type { GeneratorRequest, GeneratorResponse } from './generatorProtocol.js';

const workload = new Workload();
let params: BenchParams | undefined;
let pinning: CorePinning | undefined;

function context(target: ServerTarget): ScenarioContext {
  if (!params || !pinning) throw new Error('prepare() first');
  return { api: new ServerApi(target), target, params, pinning, workload };
}

const methods = {
  prepare(input: { params: BenchParams; pinning: CorePinning }) {
    params = input.params;
    pinning = input.pinning;
    const start = performance.now();
    const dossier = workload.dossierTrace();
    const medium = workload.mediumDocument();
    const small = workload.smallDocument();
    return { seconds: (performance.now() - start) / 1000, dossier: dossier.stats, medium: medium.stats, small: small.stats };
  },
  idlePropagation: (target: ServerTarget) => runIdlePropagation(context(target)),
  load: (target: ServerTarget, shape: LoadShape) => runLoad(context(target), shape),
  awareness: (target: ServerTarget) => runAwareness(context(target)),
  catchUp: (target: ServerTarget, edits: number) => runCatchUp(context(target), edits),
  seedColdLoad: (target: ServerTarget) => seedColdLoad(context(target)),
  measureColdLoad: (target: ServerTarget, seed: ColdLoadSeed) => measureColdLoad(context(target), seed),
  seedMemory: (target: ServerTarget) => seedMemory(context(target)),
  openMemory: (target: ServerTarget, docNames: string[]) => openMemory(context(target), docNames),
  closeMemory: (target: ServerTarget) => closeMemory(context(target)),
  editor: (target: ServerTarget) => runEditor(context(target)),
};

export type GeneratorMethods = typeof methods;

process.on('message', (request: GeneratorRequest) => {
  const method = methods[request.method as keyof GeneratorMethods] as (...args: unknown[]) => unknown;
  Promise.resolve()
    .then(() => method(...request.args))
    .then(
      (result) => process.send?.({ id: request.id, result } satisfies GeneratorResponse),
      (error: unknown) => process.send?.({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies GeneratorResponse),
    );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ id: 0, result: 'ready' } satisfies GeneratorResponse);
// Exit normally on SIGTERM, so that a --cpu-prof profile (BENCH_CPU_PROF) gets written.
process.on('SIGTERM', () => process.exit(0));
