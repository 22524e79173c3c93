import type { ServerTarget } from '../protocol/ServerKind.js';
import { processCpuSeconds, processIo, treeTotals, type ProcessIo } from './procStats.js';

// What a server costs is what its processes cost: the Node process, plus, for Canevas on
// PostgreSQL, the whole cluster it stores into (the postmaster and everything it forked). Every
// scenario reads CPU and writes through these two functions, so both stores are measured alike.

/** Cumulative CPU seconds of the server's processes. */
export function serverCpuSeconds(target: ServerTarget): number {
  const own = processCpuSeconds(target.pid);
  return target.postgres ? own + treeTotals(target.postgres.postmasterPid).cpuSeconds : own;
}

/** Cumulative I/O counters of the server's processes. */
export function serverIo(target: ServerTarget): ProcessIo {
  const own = processIo(target.pid);
  if (!target.postgres) return own;
  const { io } = treeTotals(target.postgres.postmasterPid);
  return { writeBytes: own.writeBytes + io.writeBytes, wchar: own.wchar + io.wchar };
}
