import { postgresBinDir, startThrowawayCluster } from '@canevas/test/postgresCluster';
import { psql } from './psql.js';

/** The PostgreSQL cluster Canevas stores into in the `canevas-postgres` column. */
export interface BenchCluster {
  /** URL of the bench's own database in the cluster. */
  url: string;
  postmasterPid: number;
  /** e.g. "15.14 (Debian 15.14-0+deb12u1)" */
  version: string;
  stop(): Promise<void>;
}

const DATABASE = 'canevas_bench';

/** Why the PostgreSQL column cannot run on this machine, or undefined when it can. */
export function postgresUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SKIP_POSTGRES === '1') return 'SKIP_POSTGRES=1';
  try {
    postgresBinDir();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The tests' throwaway cluster (Debian's binaries, loopback, fsync on, a temporary folder),
 * pinned to the server core so that its backends compete with nothing but the server they
 * serve, with a fresh database for the bench. The orchestrator stops it at the end.
 */
export async function startBenchCluster(core: number): Promise<BenchCluster> {
  const cluster = await startThrowawayCluster({ core });
  try {
    await psql(cluster.url, `CREATE DATABASE ${DATABASE}`);
    await preallocateWal(cluster.url);
    const url = cluster.url.replace(/\/postgres$/, `/${DATABASE}`);
    return { url, postmasterPid: cluster.postmasterPid(), version: await psql(url, 'SHOW server_version'), stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/** PostgreSQL's default min_wal_size (80 MB) in 16 MB segments, and one more. */
const WAL_SEGMENTS = 6;

/**
 * A fresh cluster has one WAL segment: the first 80 MB of WAL each cost a new 16 MB file, filled
 * with zeros before use (wal_init_zero), which a cluster in service never pays again (a
 * checkpoint recycles old segments instead). Without this, the first load scenario on
 * PostgreSQL would count 16 MB of zeros per segment as its writes. So: switch segments until
 * min_wal_size worth exist, then checkpoint twice so that they are recycled for what follows.
 */
async function preallocateWal(url: string): Promise<void> {
  for (let i = 0; i < WAL_SEGMENTS; i++) {
    // A switch needs something written since the last one: a transaction's commit record.
    await psql(url, 'SELECT txid_current()');
    await psql(url, 'SELECT pg_switch_wal()');
  }
  await psql(url, 'CHECKPOINT');
  await psql(url, 'SELECT txid_current()');
  await psql(url, 'SELECT pg_switch_wal()');
  await psql(url, 'CHECKPOINT');
}
