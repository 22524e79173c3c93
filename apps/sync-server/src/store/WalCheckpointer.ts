import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread with its own
 * connection, instead of inside whichever commit crosses `wal_autocheckpoint` on the event loop
 * (measured: p99.9 of a one-update commit 17–31 ms with automatic checkpoints, 2–4 ms without;
 * bench/src/experiments/sqliteCommitLatency.ts). PASSIVE checkpoints never block the writer.
 *
 * If the worker fails, `onFailure` is called once so that the owner can restore automatic
 * checkpoints: the log must never grow without bound.
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private running = false;
  private requested = false;
  private failed = false;
  private closed = false;
  private exited: Promise<void> = Promise.resolve();

  /**
   * The thread starts with the first checkpoint (after `COMMITS_PER_CHECKPOINT` commits), not
   * here: an idle server, or a command that only reads, never pays for it (a Node thread is
   * about 10 MiB).
   */
  constructor(
    private readonly file: string,
    private readonly onFailure: (error: Error) => void,
  ) {}

  private fail(error: Error): void {
    if (this.failed || this.closed) return;
    this.failed = true;
    this.onFailure(error);
  }

  private start(): Worker {
    const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, betterSqlite3 } });
    // Never keeps the process alive on its own.
    worker.unref();
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: { error?: string }) => {
      this.running = false;
      if (reply.error) this.fail(new Error(`WAL checkpoint failed: ${reply.error}`));
      else if (this.requested) this.request();
    });
    worker.on('error', (error: Error) => this.fail(error));
    worker.once('exit', (code) => this.fail(new Error(`The WAL checkpoint worker stopped (code ${code}).`)));
    return worker;
  }

  /** Asks for a checkpoint; one more runs after the current one if asked meanwhile. */
  request(): void {
    if (this.failed || this.closed) return;
    if (this.running) {
      this.requested = true;
      return;
    }
    this.requested = false;
    this.running = true;
    this.worker ??= this.start();
    this.worker.postMessage('checkpoint');
  }

  /** Closes the worker's connection and waits for the thread to end. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.worker) return;
    // Unref'd, the thread would not keep the process alive long enough to be waited for.
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }
}

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({});
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;
