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
    const url = cluster.url.replace(/\/postgres$/, `/${DATABASE}`);
    return { url, postmasterPid: cluster.postmasterPid(), version: await psql(url, 'SHOW server_version'), stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
