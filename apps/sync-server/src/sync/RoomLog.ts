import type { FoldPolicy, LogSize } from './FoldPolicy.js';

/**
 * One room's update log as this process knows it: rows and bytes stored since the snapshot, the
 * snapshot's size, and the backoff after failed folds. Read by the fold policy (when to fold) and
 * by the room's size quota (stored bytes bound the encoded state from above).
 */
export class RoomLog implements LogSize {
  private logRows: number;
  private logBytes: number;
  private snapshotSize: number;
  private failedFolds = 0;
  /** After a failed fold, none is tried before this time (ms since the epoch). */
  private retryAt = 0;

  constructor(stored: LogSize = { rows: 0, bytes: 0, snapshotBytes: 0 }) {
    this.logRows = stored.rows;
    this.logBytes = stored.bytes;
    this.snapshotSize = stored.snapshotBytes;
  }

  get rows(): number {
    return this.logRows;
  }

  get bytes(): number {
    return this.logBytes;
  }

  get snapshotBytes(): number {
    return this.snapshotSize;
  }

  /** When a fold may be tried again after a failure (0: at once). */
  get foldRetryAt(): number {
    return this.retryAt;
  }

  /** The stored log was just read (several instances append to it): this is its size now. */
  measured(stored: LogSize): void {
    this.logRows = stored.rows;
    this.logBytes = stored.bytes;
    this.snapshotSize = stored.snapshotBytes;
  }

  /** Updates of the room committed to the log. */
  appended(updates: readonly { update: Uint8Array }[]): void {
    this.logRows += updates.length;
    for (const { update } of updates) this.logBytes += update.byteLength;
  }

  /**
   * A fold stored a snapshot of `snapshotBytes` and dropped `rows` rows of `bytes` bytes (every
   * row when omitted: a fold of the in-memory state covers everything stored so far).
   */
  folded(snapshotBytes: number, dropped?: { rows: number; bytes: number }): void {
    this.logRows = dropped ? Math.max(0, this.logRows - dropped.rows) : 0;
    this.logBytes = dropped ? Math.max(0, this.logBytes - dropped.bytes) : 0;
    this.snapshotSize = snapshotBytes;
    this.failedFolds = 0;
    this.retryAt = 0;
  }

  /** A fold attempt that changed nothing and failed nothing (the log was empty or quarantined). */
  foldSkipped(): void {
    this.failedFolds = 0;
  }

  /** The log stays as it is; returns the wait before the next attempt, which the policy sets. */
  foldFailed(now: number, policy: FoldPolicy): number {
    this.failedFolds++;
    const delay = policy.retryDelay(this.failedFolds);
    this.retryAt = now + delay;
    return delay;
  }
}
