import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'canevas.lock';

/** The pid of the server that holds the data folder, when one is alive. */
export function runningServerPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but not ours to signal, still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/**
 * Marks the data folder as served, so that `restore` refuses to swap the database under a running
 * server. A lock left by a crashed server is stale (its pid is gone) and is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const holder = runningServerPid(dataDir);
  if (holder !== undefined && holder !== process.pid) {
    throw new Error(`Un serveur Canevas (pid ${holder}) utilise déjà ${dataDir}.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const fd = openSync(path, 'w');
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  return () => rmSync(path, { force: true });
}
