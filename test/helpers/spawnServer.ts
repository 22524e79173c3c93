import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { TEST_CONTENT_ROOTS } from './newServer.js';
import { bootstrapDataDir, rememberServerToken, type TestAccount } from './testAccounts.js';
import { databaseUrlFor } from './testStore.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The compiled CLI, as `pnpm canevas` runs it; the integration project's global setup
// (buildServerSetup.ts) rebuilds it before every run, so a stale build cannot decide a test.
const CLI = fileURLToPath(new URL('../../apps/sync-server/dist/cli.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  syncUrl: string;
  /** Everything written to stderr (the JSON log lines). */
  stderr: string[];
  /** Resolves with the exit code, or the signal's name when killed. */
  exited: Promise<number | string>;
  /** The administrator of the data folder; the helpers' default credentials. */
  admin: TestAccount;
}

/**
 * Runs `pnpm canevas serve` as a real child process (so it can be SIGKILLed) on a free port.
 * `env` is added to the child's environment (`DATABASE_URL` and `REDIS_URL` for several instances
 * on one database: the administrator is then made there).
 */
export async function spawnServer(dataDir: string, extraArgs: string[] = [], options: { env?: NodeJS.ProcessEnv } = {}): Promise<ServerProcess> {
  const databaseUrl = options.env?.DATABASE_URL ?? (await databaseUrlFor(dataDir));
  const admin = await bootstrapDataDir(dataDir, databaseUrl);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: REPO_ROOT,
    // The plain Yjs roots that the durability tests write (see TEST_CONTENT_ROOTS).
    env: { ...process.env, LOG_LEVEL: 'info', EXTRA_CONTENT_ROOTS: TEST_CONTENT_ROOTS.join(','), ...(databaseUrl && { DATABASE_URL: databaseUrl }), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  // `close`, not `exit`: every line the server wrote on stderr has been read by then.
  const exited = new Promise<number | string>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /(http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${stderr.join('\n')}`)));
  });
  // The switch must really take: a run meant for PostgreSQL that fell back to SQLite proves nothing.
  if (databaseUrl && existsSync(join(dataDir, 'canevas.sqlite'))) throw new Error(`CANEVAS_TEST_STORE=postgres, but the server made ${dataDir}/canevas.sqlite`);
  rememberServerToken(url, admin.token);
  return { child, url, syncUrl: `${url.replace(/^http/, 'ws')}/sync`, stderr, exited, admin };
}
