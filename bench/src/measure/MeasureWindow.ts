import type { ServerTarget } from '../protocol/ServerKind.js';
import { coreTimes, loadAverage, type CoreTimes } from './procStats.js';
import { serverCpuSeconds } from './serverFootprint.js';

/** Above this share of a core, the load generator may be the bottleneck: the figures are rejected. */
export const MAX_GENERATOR_CORE_SHARE = 0.7;
/** Other processes' CPU on the server's core above which a figure is flagged as taken on a loaded machine. */
export const NOISY_SERVER_CORE = 0.1;
export const NOISY_GENERATOR_CORE = 0.25;

export interface CorePinning {
  server: number;
  generator: number;
}

export interface WindowReport {
  wallSeconds: number;
  serverCpuSeconds: number;
  /** Load generator process CPU ÷ wall time. */
  generatorCoreShare: number;
  /** CPU used on the server's core by processes other than the server's (PostgreSQL's count as the server's), in cores. */
  foreignLoadServerCore: number;
  /** CPU used on the generator's core by processes other than the generator (Chromium included), in cores. */
  foreignLoadGeneratorCore: number;
  stealCores: number;
  loadAverage1m: number;
  /** The generator used more than 0.7 of a core: this figure is rejected. */
  rejected: boolean;
  /** Other processes competed for the cores: this figure is noisy. */
  noisy: boolean;
}

/**
 * Brackets one measured phase: the server's CPU (from /proc; for Canevas on PostgreSQL, node's
 * and the cluster's processes together), the generator's own CPU share,
 * and what everything else did on the two pinned cores meanwhile, so that a loaded machine shows
 * in the results instead of silently skewing them.
 */
export class MeasureWindow {
  private readonly startWall = performance.now();
  private readonly startServerCpu: number;
  private readonly startGeneratorCpu: number;
  private readonly startCores: CoreTimes = coreTimes();
  private readonly generatorCpu: () => number;
  private readonly maxGeneratorShare: number;

  /**
   * `generatorCpu` (cumulative seconds) is what runs on the generator core on our behalf: this
   * process by default, this process and Chromium for the editor. `maxGeneratorShare` is the
   * rejection threshold (the editor's browser is what is measured, not a load generator).
   */
  constructor(
    private readonly server: ServerTarget,
    private readonly pinning: CorePinning,
    options: { generatorCpu?: () => number; maxGeneratorShare?: number } = {},
  ) {
    this.generatorCpu = options.generatorCpu ?? ownCpuSeconds;
    this.maxGeneratorShare = options.maxGeneratorShare ?? MAX_GENERATOR_CORE_SHARE;
    this.startGeneratorCpu = this.generatorCpu();
    this.startServerCpu = serverCpuSeconds(server);
  }

  serverCpuSoFar(): number {
    return serverCpuSeconds(this.server) - this.startServerCpu;
  }

  finish(): WindowReport {
    const wallSeconds = (performance.now() - this.startWall) / 1000;
    const serverCpu = serverCpuSeconds(this.server) - this.startServerCpu;
    const generatorCpuSeconds = this.generatorCpu() - this.startGeneratorCpu;
    const cores = coreTimes();
    const busy = (core: number) => (cores.busy[core] ?? 0) - (this.startCores.busy[core] ?? 0);
    const perWall = (seconds: number) => Math.max(0, seconds) / Math.max(wallSeconds, 1e-9);
    const generatorCoreShare = perWall(generatorCpuSeconds);
    const foreignLoadServerCore = perWall(busy(this.pinning.server) - serverCpu);
    const foreignLoadGeneratorCore = perWall(busy(this.pinning.generator) - generatorCpuSeconds);
    const stealCores = perWall(cores.steal - this.startCores.steal);
    return {
      wallSeconds,
      serverCpuSeconds: serverCpu,
      generatorCoreShare,
      foreignLoadServerCore,
      foreignLoadGeneratorCore,
      stealCores,
      loadAverage1m: loadAverage()[0] ?? 0,
      rejected: generatorCoreShare > this.maxGeneratorShare,
      noisy: foreignLoadServerCore > NOISY_SERVER_CORE || foreignLoadGeneratorCore > NOISY_GENERATOR_CORE || stealCores > 0.05,
    };
  }
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
