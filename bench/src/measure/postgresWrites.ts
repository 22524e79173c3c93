import { psql } from '../servers/psql.js';

/** What PostgreSQL says it wrote, cumulative since the cluster started. */
export interface PostgresWriteCounters {
  /** WAL generated: the insert position in bytes (pg_current_wal_lsn). */
  walBytes: number;
  /** Data blocks written out of shared buffers (checkpointer, background writer, backends) × block size. */
  dataBytes: number;
}

/**
 * Forces a checkpoint: the data pages the phase dirtied, which PostgreSQL would otherwise write
 * at its next checkpoint (every 5 minutes by default, long after the window), are written now and
 * counted with the phase that dirtied them.
 */
export async function checkpoint(url: string): Promise<void> {
  await psql(url, 'CHECKPOINT');
}

export async function postgresWriteCounters(url: string): Promise<PostgresWriteCounters> {
  const version = Number(await psql(url, "SELECT current_setting('server_version_num')"));
  // PostgreSQL 16 counts every block write by every process in pg_stat_io; up to 15, the
  // background writer's view sums the checkpointer's, its own and the backends' writes.
  const blocks =
    version >= 160000
      ? "(SELECT coalesce(sum(writes), 0) FROM pg_stat_io WHERE object = 'relation')"
      : '(SELECT buffers_checkpoint + buffers_clean + buffers_backend FROM pg_stat_bgwriter)';
  // Not pg_stat_wal's or pg_stat_database's counters: a backend reports them when it goes idle,
  // up to 10 s later. The WAL position is exact at once; the checkpointer reports its block
  // writes as each checkpoint ends (the phase ends with one).
  const row = await psql(url, `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, ${blocks} * current_setting('block_size')::bigint`);
  const [walBytes = 0, dataBytes = 0] = row.split('|').map(Number);
  return { walBytes, dataBytes };
}
