import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerKind, ServerTarget } from '../protocol/ServerKind.js';
import { compileServerEntries } from './compileServerEntries.js';
import type { Credentials, GcDoneMessage, ParentMessage, ReadyMessage } from './serverProcessIpc.js';


const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;

let compiled: Promise<Record<ServerKind, string>> | undefined;

/**
 * Runs `node` pinned to one core with taskset, so that its CPU is its own. With BENCH_CPU_PROF set
 * to a folder, every process writes a V8 CPU profile there when it exits (for `--cpu-prof`
 * analysis of a server or of the generator under the bench's load).
 */
export function spawnPinned(core: number, nodeArgs: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return spawn('taskset', ['-c', String(core), process.execPath, ...profile, ...nodeArgs], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
}

/**
 * One server under test, as a separate process pinned to the server core. Every kind runs the
 * same way (node, --expose-gc, its data folder; compiled: compileServerEntries.ts), can be restarted on the same data (cold
 * loads) and asked for a full GC. Canevas on PostgreSQL also gets the cluster's URL; the cluster
 * (started and pinned by the orchestrator) outlives restarts of the node process.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private port = 0;
  private credentials: Credentials | undefined;
  private gcRequests = 0;
  /** The server's stderr, kept for the report when something goes wrong. */
  readonly log: string[] = [];

  constructor(
    readonly kind: ServerKind,
    private readonly dataDir: string,
    private readonly core: number,
    private readonly postgres?: { postmasterPid: number; url: string },
  ) {}

  get target(): ServerTarget {
    if (!this.child?.pid) throw new Error(`${this.kind} is not running`);
    return { kind: this.kind, url: `http://127.0.0.1:${this.port}`, pid: this.child.pid, ...(this.credentials && { credentials: this.credentials }), ...(this.postgres && { postgres: this.postgres }) };
  }

  async start(): Promise<ServerTarget> {
    const database = this.postgres ? ['--database-url', this.postgres.url] : [];
    // Compiled once per run, before the first server starts.
    compiled ??= compileServerEntries();
    const entry = (await compiled)[this.kind];
    const child = spawnPinned(this.core, ['--expose-gc', entry, '--data', this.dataDir, ...database], {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.log.push(...chunk.toString().split('\n').filter((line) => line.trim() !== ''));
      if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind} did not start in time:\n${this.log.join('\n')}`)), START_TIMEOUT_MS);
      child.on('message', (message: ReadyMessage) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        this.credentials = message.credentials;
        resolve(message.port);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.kind} exited (${code ?? signal}) before listening:\n${this.log.join('\n')}`));
      });
    });
    return this.target;
  }

  /** SIGTERM, so that each server stores what it holds, then waits for the exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.child = undefined;
  }

  async restart(): Promise<ServerTarget> {
    await this.stop();
    return this.start();
  }

  /** A full garbage collection inside the server process. */
  async collectGarbage(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const id = ++this.gcRequests;
    await new Promise<void>((resolve) => {
      const onMessage = (message: GcDoneMessage) => {
        if (message.type !== 'gcDone' || message.id !== id) return;
        child.off('message', onMessage);
        resolve();
      };
      child.on('message', onMessage);
      child.send({ type: 'gc', id } satisfies ParentMessage);
    });
  }
}
