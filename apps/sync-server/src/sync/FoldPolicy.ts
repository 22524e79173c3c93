/**
 * When a document's update log is folded into its snapshot. Pure: it reads sizes and times it is
 * given, holds no timer and touches no store, so every rule is tested without a server.
 *
 * Folding rewrites the whole snapshot (twice on disk: the WAL, then the database file), so an
 * open document waits for a log twice its snapshot's size: at most about one byte written per
 * byte logged. A document being unloaded folds a log as large as its snapshot at once (replaying
 * it at the next open would cost more than reading the snapshot), a shorter one later: the next
 * person to open it replays it in a few milliseconds, and a quick return costs no rewrite.
 */
export interface FoldPolicyOptions {
  /** Log rows before a fold is considered (default 500). */
  threshold?: number;
  /** How long the short log of a document nobody has open waits (default 30 s). */
  idleDelayMs?: number;
  /** First wait after a failed fold, doubled after each further failure (default 1 s)… */
  firstRetryMs?: number;
  /** …up to this (default a minute): a locked database makes every attempt wait its busy timeout. */
  maxRetryMs?: number;
}

/** What a document's log holds since its snapshot, as far as this process knows. */
export interface LogSize {
  rows: number;
  bytes: number;
  snapshotBytes: number;
}

/** At an unload: fold now, fold after the idle delay if nobody came back, or nothing to fold. */
export type UnloadFold = 'now' | 'later' | 'none';

export class FoldPolicy {
  readonly threshold: number;
  readonly idleDelayMs: number;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;

  constructor(options: FoldPolicyOptions = {}) {
    this.threshold = options.threshold ?? 500;
    this.idleDelayMs = options.idleDelayMs ?? 30_000;
    this.firstRetryMs = options.firstRetryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
  }

  /** An open document, after a commit: fold now? `retryAt` is when a failed fold may be tried again. */
  foldsOpen(log: LogSize, now: number, retryAt = 0): boolean {
    return log.rows >= this.threshold && log.bytes >= 2 * log.snapshotBytes && now >= retryAt;
  }

  atUnload(log: LogSize): UnloadFold {
    if (log.rows >= this.threshold && log.bytes >= log.snapshotBytes) return 'now';
    return log.rows > 0 ? 'later' : 'none';
  }

  /** The wait before the next attempt after `failures` failed folds in a row (≥ 1). */
  retryDelay(failures: number): number {
    return Math.min(this.firstRetryMs * 2 ** (Math.max(1, failures) - 1), this.maxRetryMs);
  }
}
