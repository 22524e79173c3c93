import type { ServerApi } from '../clients/ServerApi.js';
import type { CorePinning } from '../measure/MeasureWindow.js';
import type { ServerTarget } from '../protocol/ServerKind.js';
import type { BenchParams } from '../BenchParams.js';
import type { Workload } from './Workload.js';

export interface ScenarioContext {
  api: ServerApi;
  target: ServerTarget;
  pinning: CorePinning;
  params: BenchParams;
  workload: Workload;
}

/** Runs `task` over `items`, at most `parallel` at a time. */
export async function inBatches<T, R>(items: readonly T[], parallel: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
