import type { Logger } from '../logger.js';
import type { AccountStore, AuditEntry } from './AccountStore.js';

export interface AuditRetryQueueOptions {
  accounts: AccountStore;
  logger: Logger;
  /** Entries kept while the store refuses writes; the oldest are dropped past it. Default 10,000. */
  maxPending?: number;
  /** Retry period while entries wait. Default 5 s. */
  retryMs?: number;
}

/**
 * Writes audit entries that must not block what they record (a socket opening while the disk is
 * full): an entry the store refuses waits in memory, in order, and is written on the next attempt
 * (next entry, timer, shutdown). The audit log is a privacy record, so a drop is logged as an error.
 */
export class AuditRetryQueue {
  readonly #accounts: AccountStore;
  readonly #logger: Logger;
  readonly #maxPending: number;
  readonly #retryMs: number;
  readonly #pending: AuditEntry[] = [];
  #dropped = 0;
  #draining: Promise<boolean> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: AuditRetryQueueOptions) {
    this.#accounts = options.accounts;
    this.#logger = options.logger;
    this.#maxPending = Math.max(1, options.maxPending ?? 10_000);
    this.#retryMs = Math.max(10, options.retryMs ?? 5000);
  }

  /** Entries waiting for the store. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Never throws: a refused entry is kept for later. */
  async record(entry: AuditEntry): Promise<void> {
    // Earlier entries first, so that the log keeps its order.
    if (this.#pending.length > 0 && !(await this.flush())) return this.#defer(entry);
    try {
      await this.#accounts.audit(entry);
    } catch (error) {
      this.#defer(entry, error);
    }
  }

  /** Writes what waits; true once nothing is left. */
  flush(): Promise<boolean> {
    return (this.#draining ??= this.#drain().finally(() => (this.#draining = undefined)));
  }

  /** Last attempt at shutdown, before the store closes; what still fails is reported lost. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (await this.flush()) return;
    this.#logger.error('audit.entries_lost', { count: this.#pending.length, actions: countActions(this.#pending) });
  }

  async #drain(): Promise<boolean> {
    let written = 0;
    while (this.#pending.length > 0) {
      const entry = this.#pending[0]!;
      try {
        await this.#accounts.audit(entry);
      } catch {
        return false;
      }
      // A drop during the await may have shifted the queue already.
      const index = this.#pending.indexOf(entry);
      if (index >= 0) this.#pending.splice(index, 1);
      written++;
    }
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (written > 0) this.#logger.info('audit.deferred_written', { count: written });
    return true;
  }

  #defer(entry: AuditEntry, error?: unknown): void {
    if (this.#pending.length === 0) this.#logger.warn('audit.deferred', { action: entry.action, error });
    if (this.#pending.length >= this.#maxPending) {
      const dropped = this.#pending.shift()!;
      this.#dropped++;
      // One line for the first drop, then one per hundred: the count says how much is missing.
      if (this.#dropped === 1 || this.#dropped % 100 === 0) {
        this.#logger.error('audit.entries_dropped', { dropped: this.#dropped, bound: this.#maxPending, oldest: { at: dropped.at, action: dropped.action } });
      }
    }
    this.#pending.push(entry);
    if (!this.#timer) {
      this.#timer = setInterval(() => void this.flush(), this.#retryMs);
      this.#timer.unref();
    }
  }
}

function countActions(entries: readonly AuditEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.action] = (counts[entry.action] ?? 0) + 1;
  return counts;
}
