import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresUnavailable, startBenchCluster } from './benchCluster.js';
import { psql } from './psql.js';

/** The CPUs a process may run on, or undefined once it has ended (a backend that just finished). */
function allowedCpus(pid: number): string | undefined {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Gone, or a zombie its new parent has yet to reap: either way no longer running. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('postgresUnavailable', () => {
  it('names SKIP_POSTGRES=1 as the reason to skip the PostgreSQL column', () => {
    expect(postgresUnavailable({ SKIP_POSTGRES: '1' })).toBe('SKIP_POSTGRES=1');
  });
});

describe.skipIf(postgresUnavailable() !== undefined)('startBenchCluster', () => {
  it('pins the postmaster and every process it forked to the given core, serves its database, and stops', async () => {
    const cluster = await startBenchCluster(0);
    let stopped = false;
    try {
      expect(allowedCpus(cluster.postmasterPid)).toBe('0');
      // The checkpointer, WAL writer and others live as long as the postmaster; a backend may end meanwhile.
      const forked = childrenOf(cluster.postmasterPid)
        .map(allowedCpus)
        .filter((cpus) => cpus !== undefined);
      expect(forked.length).toBeGreaterThan(0);
      expect(new Set(forked)).toEqual(new Set(['0']));
      expect(await psql(cluster.url, 'SELECT current_database()')).toBe('canevas_bench');
      await cluster.stop();
      stopped = true;
      expect(isRunning(cluster.postmasterPid)).toBe(false);
    } finally {
      if (!stopped) await cluster.stop();
    }
  });
});
