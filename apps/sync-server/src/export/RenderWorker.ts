import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportBook } from './ExportBook.js';
import type { ExportFormat } from './exportFormats.js';
import type { RenderReply, RenderRequest } from './renderWorkerThread.js';

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Lays out export files in one worker thread. pdfmake's layout is synchronous and takes seconds
 * for a long dossier: on the server's own thread it would freeze every live document meanwhile.
 * The worker starts on first use, is reused, and restarts after a crash.
 */
export class RenderWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  render(book: ExportBook, format: ExportFormat): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The export worker is closed.'));
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, book, format } satisfies RenderRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The export worker was stopped.'));
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource(), { eval: true });
    worker.unref();
    worker.on('message', (reply: RenderReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      // Idle, the worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(new Uint8Array(reply.bytes));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The export worker stopped (code ${code}).`)));
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/**
 * The app runs from its TypeScript sources (tsx). Node 20 ignores `--import` in a worker's
 * execArgv, so a tiny script registers tsx's loader in the worker, then loads the entry.
 */
function workerSource(): string {
  const entry = new URL('./renderWorkerThread.ts', import.meta.url).href;
  let loader: string | undefined;
  try {
    // The ESM build of tsx's API (`require.resolve` would give the CommonJS one).
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    loader = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  } catch {
    // Compiled to JavaScript: no loader needed.
  }
  const load = `import(${JSON.stringify(entry)})`;
  return loader ? `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return ${load}; })` : load;
}
