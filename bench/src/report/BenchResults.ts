import type { CompletenessBenchResult } from '../completeness/completenessBench.js';
import type { WindowReport } from '../measure/MeasureWindow.js';
import type { ServerKind } from '../protocol/ServerKind.js';
import type { AwarenessResult } from '../scenarios/awareness.js';
import type { CatchUpResult } from '../scenarios/catchUp.js';
import type { ColdLoadResult, ColdLoadSeed } from '../scenarios/coldLoad.js';
import type { EditorResult } from '../scenarios/editor.js';
import type { LoadResult } from '../scenarios/load.js';
import type { MemoryOpen } from '../scenarios/memory.js';
import type { PropagationResult } from '../scenarios/propagation.js';
import type { EditingTraceStats } from '../workload/editingTrace.js';
import type { BenchParams } from '../BenchParams.js';

export type PerServer<T> = Partial<Record<ServerKind, T>>;

export interface MemoryResult extends MemoryOpen {
  rssAfterLeftBytes: number;
  /** After a forced full GC in the server process (--expose-gc). */
  rssAfterGcBytes: number;
  /** rssAfterLeft ÷ rssStart: the target wants ≤ 1.10. */
  afterLeftRatio: number;
  afterGcRatio: number;
}

export interface BenchMeta {
  mode: BenchParams['mode'];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  command: string;
  node: string;
  cpus: number;
  cpuModel: string;
  pinning: { server: number; generator: number };
  loadAverageStart: number[];
  loadAverageEnd: number[];
  gitCommit: string;
  versions: Record<string, string>;
  workload: { dossier: EditingTraceStats; medium: EditingTraceStats; small: EditingTraceStats; seconds: number };
  params: BenchParams;
}

export interface BenchResults {
  meta: BenchMeta;
  servers: ServerKind[];
  idlePropagation: PerServer<PropagationResult>;
  loads: { label: string; results: PerServer<LoadResult> }[];
  awareness: PerServer<AwarenessResult>;
  catchUp: { edits: number; results: PerServer<CatchUpResult> }[];
  coldLoad: PerServer<ColdLoadResult & { seed: Omit<ColdLoadSeed, 'docNames'> }>;
  memory: PerServer<MemoryResult>;
  editor?: EditorResult;
  completeness?: CompletenessBenchResult;
  /** Every measurement window, to audit the machine's load. */
  windows: { scenario: string; server: ServerKind; window: WindowReport }[];
  errors: { scenario: string; server?: ServerKind; message: string }[];
}
