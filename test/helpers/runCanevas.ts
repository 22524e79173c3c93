import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { databaseEnvFor } from './testStore.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The compiled CLI, as `pnpm canevas` runs it; the integration project's global setup
// (buildServerSetup.ts) rebuilds it before every run, so a stale build cannot decide a test.
const CLI = fileURLToPath(new URL('../../apps/sync-server/dist/cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm canevas <args>` as a child process, the way a script would. */
export function runCanevas(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...databaseEnvFor(args, options.env), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
