import { Worker } from 'node:worker_threads';
import { moduleUrl, tsxApiUrl } from '../appFiles.js';
import type { ExportBook } from './ExportBook.js';
import { ExportError } from './ExportError.js';
import type { ExportFormat } from './exportFormats.js';
import type { RenderReply, RenderRequest } from './renderWorkerThread.js';

export const DEFAULT_RENDER_MEMORY_MB = 512;
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;

export interface RenderLimits {
  /** Largest JavaScript heap (V8's old generation) of one render worker, in MiB. Default 512. */
  memoryMb?: number;
  /** Longest layout of one file, in milliseconds, from the moment a ready worker receives it. Default 60 s. */
  timeoutMs?: number;
}

export interface RenderPoolOptions extends RenderLimits {
  /** Workers at most, hence layouts at once; more renders wait for one. Default 2. */
  size?: number;
  /** The worker's module. Tests substitute one that stalls; default `renderWorkerThread` (source or bundle). */
  workerScript?: URL;
}

interface Task {
  book: ExportBook;
  format: ExportFormat;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface WorkerState {
  ready: boolean;
  dead: boolean;
  task?: Task;
  deadline?: NodeJS.Timeout;
}

/**
 * Lays out export files in worker threads, each with a heap limit and a deadline. pdfmake's
 * layout is synchronous and can be long: on the server's thread it would freeze every live
 * document, and a document large enough would exhaust the server's memory and kill it. Here a
 * worker past its heap limit dies alone (`ERR_WORKER_OUT_OF_MEMORY`), one past its deadline is
 * terminated from this thread, and either way its render fails with a French message naming the
 * cause while the next render gets a fresh worker. Workers start on demand and are reused.
 */
export class RenderPool {
  private readonly size: number;
  private readonly memoryMb: number;
  private readonly timeoutMs: number;
  private readonly source: string;
  private readonly workers = new Map<Worker, WorkerState>();
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private starting = 0;
  private nextId = 1;
  private closed = false;

  constructor(options: RenderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.memoryMb = options.memoryMb ?? DEFAULT_RENDER_MEMORY_MB;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    this.source = workerSource(options.workerScript ?? moduleUrl('export/renderWorkerThread.ts'));
  }

  render(book: ExportBook, format: ExportFormat): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The export workers are stopped.'));
    return new Promise<Uint8Array>((resolve, reject) => {
      this.queue.push({ book, format, resolve, reject });
      this.pump();
    });
  }

  /** Workers alive (starting, idle or rendering); for tests and diagnostics. */
  workerCount(): number {
    return this.workers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('The export workers were stopped.');
    for (const task of this.queue.splice(0)) task.reject(error);
    const workers = [...this.workers.keys()];
    for (const worker of workers) this.retire(worker, error);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop();
      if (!worker) break;
      this.run(worker, this.queue.shift()!);
    }
    // Start as many workers as there are renders left waiting, within the size.
    while (!this.closed && this.starting < this.queue.length && this.workers.size < this.size) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    const state: WorkerState = { ready: false, dead: false };
    this.workers.set(worker, state);
    this.starting++;
    // Idle, a worker must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: RenderReply) => {
      if (state.dead) return;
      if (reply.kind === 'ready') {
        state.ready = true;
        this.starting--;
        this.idle.push(worker);
        this.pump();
        return;
      }
      const task = state.task;
      if (!task) return;
      this.finish(worker, state);
      if (reply.kind === 'done') task.resolve(new Uint8Array(reply.bytes));
      else task.reject(new Error(reply.error));
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.retire(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.memoryExceeded() : new Error(`The export worker failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => this.retire(worker, new Error(`The export worker stopped (code ${code}).`)));
  }

  private run(worker: Worker, task: Task): void {
    const state = this.workers.get(worker)!;
    state.task = task;
    worker.ref();
    state.deadline = setTimeout(() => {
      this.retire(worker, this.timeExceeded());
      void worker.terminate();
    }, this.timeoutMs);
    state.deadline.unref();
    worker.postMessage({ id: this.nextId++, book: task.book, format: task.format } satisfies RenderRequest);
  }

  private finish(worker: Worker, state: WorkerState): void {
    clearTimeout(state.deadline);
    state.deadline = undefined;
    state.task = undefined;
    worker.unref();
    this.idle.push(worker);
  }

  /** A worker is gone (out of memory, past its deadline, crashed, or closed): fail its render, replace it. */
  private retire(worker: Worker, error: Error): void {
    const state = this.workers.get(worker);
    if (!state || state.dead) return;
    state.dead = true;
    clearTimeout(state.deadline);
    this.workers.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    if (!state.ready) {
      this.starting--;
      // A worker that cannot even start would be replaced forever: the oldest waiting render
      // takes the failure instead, so each failed start ends one render.
      this.queue.shift()?.reject(error);
    }
    state.task?.reject(error);
    state.task = undefined;
    this.pump();
  }

  private memoryExceeded(): ExportError {
    return new ExportError(
      'LIMIT',
      `L’export a dépassé la mémoire autorisée (${this.memoryMb} Mio) et a été interrompu. Le document est sans doute trop volumineux : scindez-le, ou demandez à l’administrateur de relever la limite.`,
    );
  }

  private timeExceeded(): ExportError {
    const seconds = (this.timeoutMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    return new ExportError(
      'LIMIT',
      `L’export a dépassé le temps autorisé (${seconds} s) et a été interrompu. Le document est sans doute trop volumineux : scindez-le, ou demandez à l’administrateur de relever la limite.`,
    );
  }
}

/**
 * A TypeScript entry (the app from its sources, or a test's worker) needs tsx's loader in the
 * worker: Node 20 ignores `--import` in a worker's execArgv, so a tiny script registers it, then
 * loads the entry. The compiled bundle's entry needs nothing.
 */
function workerSource(entry: URL): string {
  const loader = entry.pathname.endsWith('.ts') ? tsxApiUrl() : undefined;
  const load = `import(${JSON.stringify(entry.href)})`;
  return loader ? `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return ${load}; })` : load;
}
