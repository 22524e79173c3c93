import { describe, expect, it } from 'vitest';
import type { WindowReport } from '../measure/MeasureWindow.js';
import type { LoadResult } from '../scenarios/load.js';
import { analyze } from './analyze.js';
import type { BenchResults } from './BenchResults.js';

const window: WindowReport = {
  wallSeconds: 10,
  serverCpuSeconds: 1,
  generatorCoreShare: 0.2,
  foreignLoadServerCore: 0,
  foreignLoadGeneratorCore: 0,
  stealCores: 0,
  loadAverage1m: 0,
  rejected: false,
  noisy: false,
};

function load(cpuMsPer1000Delivered: number, writes: { ratio: number; fileRatio: number; postgres?: boolean }): LoadResult {
  const distribution = { count: 10, mean: 1, p50: 1, p99: 2, max: 3 };
  return {
    docs: 20,
    clientsPerDoc: 10,
    typingRate: 5,
    propagation: distribution,
    window,
    sentKeystrokes: 1000,
    deliveredKeystrokes: 9000,
    cpuMsPer1000Delivered,
    deliveryRatio: 1,
    messagesPerDelivered: 1,
    bytesPerDelivered: 17,
    echoedKeystrokes: 0,
    writeAmplification: {
      updateBytes: 1000,
      diskWriteBytes: writes.ratio * 1000,
      ratio: writes.ratio,
      fileWriteBytes: writes.fileRatio * 1000,
      fileRatio: writes.fileRatio,
      settleSeconds: 0,
      ...(writes.postgres && { postgres: { walBytes: 1, dataBytes: 1 } }),
    },
    serverRssBytes: 1 << 20,
  } as unknown as LoadResult;
}

function results(): BenchResults {
  return {
    meta: undefined as unknown as BenchResults['meta'],
    servers: ['canevas', 'canevas-postgres'],
    idlePropagation: {},
    loads: [{ label: '20×10', results: { canevas: load(10, { ratio: 1.5, fileRatio: 1.2 }), 'canevas-postgres': load(25, { ratio: 700, fileRatio: 60, postgres: true }) } }],
    awareness: {},
    catchUp: [],
    coldLoad: {},
    memory: {},
    windows: [],
    errors: [],
  };
}

describe('analyze: Canevas on PostgreSQL beside Canevas on SQLite', () => {
  it('gives PostgreSQL ÷ SQLite for each comparable figure', () => {
    const { storeRatios } = analyze(results());
    expect(storeRatios['cpuPer1000_20x10']).toBe(2.5);
    expect(storeRatios['fileWriteAmp_20x10']).toBe(50);
    // Not a comparison of costs: no ratio.
    expect(storeRatios['delivered_20x10']).toBeUndefined();
  });

  it('leaves the write_bytes figure empty for PostgreSQL, whose bytes written to files stand instead', () => {
    const { rows, storeRatios } = analyze(results());
    const disk = rows.find((r) => r.id === 'writeAmp_20x10')!;
    expect(disk.values.canevas).toBe(1.5);
    expect(disk.values['canevas-postgres']).toBeUndefined();
    expect(storeRatios['writeAmp_20x10']).toBeUndefined();
  });

  it('gives no store ratio when only one store ran', () => {
    const only = { ...results(), servers: ['canevas' as const] };
    only.loads[0]!.results = { canevas: only.loads[0]!.results.canevas! };
    expect(analyze(only).storeRatios).toEqual({});
  });
});
