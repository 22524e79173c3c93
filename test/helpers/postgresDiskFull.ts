import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestDatabase } from './postgresDatabase.js';

const run = promisify(execFile);

/**
 * A real full disk for PostgreSQL: a small tmpfs mounted as a tablespace, the store's log and
 * snapshot tables moved onto it, and a file that takes all its free space while the fault lasts
 * (PostgreSQL then fails to extend them: SQLSTATE 53100). Needs root (mount); `undefined` where
 * the machine does not allow it.
 */
export interface FullDisk {
  fill(): void;
  free(): void;
  /** After the database is dropped: the tablespace, the mount and the folder go. */
  destroy(): Promise<void>;
}

const TABLES = ['document_updates', 'review_updates', 'document_snapshots', 'review_snapshots'];

export async function fullDiskFor(database: TestDatabase): Promise<FullDisk | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'canevas-pgfull-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'tmpfs', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const space = join(dir, 'space');
  const filler = join(dir, 'filler');
  const tablespace = `${database.name}_full`;
  const unmount = async () => {
    await database.admin(`DROP TABLESPACE IF EXISTS ${tablespace}`).catch(() => undefined);
    await run('umount', [dir]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    mkdirSync(space);
    chownSync(space, Number(uid.trim()), Number(gid.trim()));
    await database.admin(`CREATE TABLESPACE ${tablespace} LOCATION '${space}'`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const table of TABLES) await client.query(`ALTER TABLE ${table} SET TABLESPACE ${tablespace}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await unmount();
    throw error;
  }
  return {
    fill() {
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));
    },
    free() {
      rmSync(filler, { force: true });
    },
    destroy: unmount,
  };
}
