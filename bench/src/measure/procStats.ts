import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (100 on Linux, asked once). */
export const CLOCK_TICKS: number = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a whole process (all its threads). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

export function processRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

export interface ProcessIo {
  /** Bytes the process caused to be sent to the storage layer (page granular, at dirtying time). */
  writeBytes: number;
  /** Bytes passed to write()-like calls, files and sockets alike. */
  wchar: number;
}

export function processIo(pid: number): ProcessIo {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1] ?? 0);
  return { writeBytes: field('write_bytes'), wchar: field('wchar') };
}

export interface CoreTimes {
  /** Busy seconds (everything but idle and iowait) per core, by core index. */
  busy: number[];
  /** Seconds stolen by the hypervisor, all cores together. */
  steal: number;
}

export function coreTimes(): CoreTimes {
  const busy: number[] = [];
  let steal = 0;
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d*)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [user, nice, system, idle, iowait, irq, softirq, stolen] = match[2]!.split(/\s+/).map(Number) as number[];
    if (match[1] === '') {
      steal = (stolen ?? 0) / CLOCK_TICKS;
      continue;
    }
    busy[Number(match[1])] = ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (stolen ?? 0)) / CLOCK_TICKS;
    void idle;
    void iowait;
  }
  return { busy, steal };
}

export function loadAverage(): number[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/** CPU seconds of a process and of all its living descendants (a browser and its renderers). */
export function treeCpuSeconds(rootPid: number): number {
  const table = processTable();
  let total = 0;
  for (const [pid, { ownCpuSeconds }] of table) if (descendsFrom(pid, rootPid, table)) total += ownCpuSeconds;
  return total;
}

export interface TreeTotals {
  /** User + system CPU seconds, children the tree has reaped included. */
  cpuSeconds: number;
  io: ProcessIo;
}

/**
 * CPU and I/O of a process tree that forks and reaps as it works (a PostgreSQL postmaster and
 * its backends), summed over its living processes. Linux adds a reaped child's CPU to its
 * parent's cutime/cstime and its I/O counters to the parent's /proc/<pid>/io, so counting
 * utime + stime + cutime + cstime and the io of every living member makes the totals grow
 * monotonically: a backend that exits mid-window moves its share to the postmaster, it does not
 * vanish. (A process reaped by init, outside the tree, would be lost; PostgreSQL reaps its own.)
 */
export function treeTotals(rootPid: number): TreeTotals {
  const totals: TreeTotals = { cpuSeconds: 0, io: { writeBytes: 0, wchar: 0 } };
  const table = processTable();
  for (const [pid, { withReapedCpuSeconds }] of table) {
    if (!descendsFrom(pid, rootPid, table)) continue;
    try {
      const io = processIo(pid);
      totals.io.writeBytes += io.writeBytes;
      totals.io.wchar += io.wchar;
      totals.cpuSeconds += withReapedCpuSeconds;
    } catch {
      // Ended between the two reads: its parent has (or will have) its counters.
    }
  }
  return totals;
}

interface ProcessEntry {
  parent: number;
  /** utime + stime. */
  ownCpuSeconds: number;
  /** utime + stime + cutime + cstime: with the children it has reaped. */
  withReapedCpuSeconds: number;
}

/** Every living process's parent and CPU, read once from /proc/<pid>/stat. */
function processTable(): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name: ppid is the 2nd; utime, stime, cutime, cstime the 12th to 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const own = Number(fields[11]) + Number(fields[12]);
      table.set(Number(entry), {
        parent: Number(fields[1]),
        ownCpuSeconds: own / CLOCK_TICKS,
        withReapedCpuSeconds: (own + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  return table;
}

/** Whether `pid` is `rootPid` or one of its descendants. */
function descendsFrom(pid: number, rootPid: number, table: Map<number, ProcessEntry>): boolean {
  for (let current: number | undefined = pid; current !== undefined && current > 0; current = table.get(current)?.parent) {
    if (current === rootPid) return true;
  }
  return false;
}
