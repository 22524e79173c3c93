import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresBinDir } from '@canevas/test/postgresCluster';

const run = promisify(execFile);

/**
 * Runs one statement through psql, the cluster's own client (the bench needs a handful of
 * statements, not a driver), and returns its unaligned, tuples-only output.
 */
export async function psql(url: string, sql: string): Promise<string> {
  const { stdout } = await run(join(postgresBinDir(), 'psql'), ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql]);
  return stdout.trim();
}
