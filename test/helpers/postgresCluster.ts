import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './freePort.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster on loopback, for the store tests: Debian's binaries
 * (`scripts/setup.sh` installs them), a fresh data folder in the temporary directory, a free
 * port, its socket in that folder. fsync stays on: the durability tests rely on commits being
 * what PostgreSQL promises. As root (CI), the server runs as the `postgres` user, which owns the
 * folder; PostgreSQL refuses to run as root.
 */
export interface ThrowawayCluster {
  /** Superuser URL of the `postgres` database (trust authentication, loopback only). */
  url: string;
  port: number;
  /**
   * The running postmaster's process id (from its `postmaster.pid`): the root of the process tree
   * whose CPU and I/O are the server's (its backends, checkpointer, WAL writer…).
   */
  postmasterPid(): number;
  /**
   * Stops the server as a crash would (`immediate`: no checkpoint, recovery at the next start),
   * keeping its folder: what it committed must be there after `resume`.
   */
  halt(): Promise<void>;
  /** Starts the halted server again, on the same port. */
  resume(): Promise<void>;
  /** Stops the server (immediately: nothing in it is kept) and removes its folder. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /**
   * Pins the server to this CPU core (`taskset`): the postmaster inherits the affinity and passes
   * it to every backend and background process it forks (the bench's server core).
   */
  core?: number;
}

export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : undefined;
  const as = (command: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args);
  const pinned = (command: string, args: string[]) => {
    if (options.core === undefined) return as(command, args);
    const inner = owner ? ['runuser', '-u', 'postgres', '--', join(bin, command), ...args] : [join(bin, command), ...args];
    return run('taskset', ['-c', String(options.core), ...inner]);
  };
  await removeAbandonedClusters(as);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  // Who started it: a run killed before its teardown leaves a cluster the next run removes.
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  try {
    // --no-sync: only initdb's own files, which nobody needs after a crash; the server syncs.
    await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
    let port = 0;
    const start = () => {
      const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c fsync=on', '-c max_connections=200', '-c shared_buffers=32MB'].join(' ');
      return pinned('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    };
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await start();
        break;
      } catch (error) {
        // Another process took the port between our probe and the server's bind.
        if (attempt >= 3) throw error;
      }
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      postmasterPid() {
        // The first line of postmaster.pid is the postmaster's process id.
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      },
      async halt() {
        await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      },
      async resume() {
        await start();
      },
      async stop() {
        try {
          // Already halted: nothing to stop.
          await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

const PREFIX = 'canevas-pg-';
const OWNER_FILE = 'owner.pid';

/** Clusters whose starting process is gone (a run killed before its teardown): stopped, removed. */
async function removeAbandonedClusters(as: (command: string, args: string[]) => Promise<unknown>): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let pid: number;
    try {
      pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    await as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The newest `/usr/lib/postgresql/<version>/bin` holding the server (Debian's layout). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `bash scripts/setup.sh`, which installs Debian\'s postgresql package.');
  }
  return join(root, versions[0]!, 'bin');
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error('The tests run as root and PostgreSQL refuses to: the `postgres` user (created by Debian\'s postgresql package) is missing. Run `bash scripts/setup.sh`.');
  }
}
