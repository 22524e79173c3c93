import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnPinned } from '../servers/ServerProcess.js';
import type { GeneratorMethods } from './generatorProcess.js';
import type { GeneratorRequest, GeneratorResponse } from './generatorProtocol.js';

const ENTRY = fileURLToPath(new URL('./generatorProcess.ts', import.meta.url));
/** No scenario takes this long on one server; past it, something hangs. */
const CALL_TIMEOUT_MS = 15 * 60_000;

type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** The orchestrator's handle on the load-generator process: typed calls over IPC. */
export class LoadGenerator {
  readonly call: Remote<GeneratorMethods>;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  readonly log: string[] = [];

  private constructor(readonly child: ChildProcess) {
    child.on('message', (response: GeneratorResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if (response.error !== undefined) waiter.reject(new Error(`load generator: ${response.error}`));
      else waiter.resolve(response.result);
    });
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter((line) => line.trim() !== '');
      this.log.push(...lines);
      for (const line of lines) process.stderr.write(`[generator] ${line}\n`);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited (${code ?? signal})`));
      this.pending.clear();
    });
    this.call = new Proxy({} as Remote<GeneratorMethods>, {
      get: (_target, method: string) => (...args: unknown[]) => this.request(method as keyof GeneratorMethods, args),
    });
  }

  static async start(core: number): Promise<LoadGenerator> {
    const child = spawnPinned(core, ['--max-old-space-size=4096', '--import', 'tsx', ENTRY]);
    const generator = new LoadGenerator(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`load generator exited (${code}) at start:\n${generator.log.join('\n')}`)));
    });
    return generator;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }

  private request(method: keyof GeneratorMethods, args: unknown[]): Promise<never> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load generator: ${method} did not finish in ${CALL_TIMEOUT_MS / 60_000} minutes`));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          (resolve as (value: unknown) => void)(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, method, args } satisfies GeneratorRequest);
    });
  }
}
