/** When automatic versions are taken (see docs/adr/0012-version-history.md). */
export interface CapturePolicy {
  /** A burst of editing is captured once nobody has edited for this long. Default 3 minutes. */
  idleMs: number;
  /** A burst that never goes idle is still captured this long after it began. Default 30 minutes. */
  maxBurstMs: number;
}

export const DEFAULT_CAPTURE_POLICY: CapturePolicy = { idleMs: 3 * 60_000, maxBurstMs: 30 * 60_000 };

interface Burst {
  startedAt: number;
  lastEditAt: number;
  /** Accounts in first-edit order; a Set keeps insertion order. */
  editors: Set<string>;
}

/**
 * The edits of each document since its last version: when they began, when the last came, and
 * who made them. Times are given by the caller, so the rule is tested with any clock. Private
 * state; the recorder asks which bursts are due and takes them.
 */
export class EditBursts {
  private readonly bursts = new Map<string, Burst>();

  constructor(private readonly policy: CapturePolicy = DEFAULT_CAPTURE_POLICY) {}

  /** An edit of `docId` became durable at `now`; `editor` is the account (null: the server's own). */
  edited(docId: string, editor: string | null, now: number): void {
    let burst = this.bursts.get(docId);
    if (!burst) {
      burst = { startedAt: now, lastEditAt: now, editors: new Set() };
      this.bursts.set(docId, burst);
    }
    burst.lastEditAt = Math.max(burst.lastEditAt, now);
    if (editor !== null) burst.editors.add(editor);
  }

  /** Ends the burst (a version is being taken): the accounts that edited in it, or undefined if none. */
  take(docId: string): string[] | undefined {
    const burst = this.bursts.get(docId);
    if (!burst) return undefined;
    this.bursts.delete(docId);
    return [...burst.editors];
  }

  /** Forgets a document (deleted). */
  forget(docId: string): void {
    this.bursts.delete(docId);
  }

  /** The documents whose burst should be captured at `now`. */
  dueAt(now: number): string[] {
    const due: string[] = [];
    for (const [docId, burst] of this.bursts) if (this.dueTime(burst) <= now) due.push(docId);
    return due;
  }

  /** The earliest time a burst falls due, if any is open. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const burst of this.bursts.values()) {
      const at = this.dueTime(burst);
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  get size(): number {
    return this.bursts.size;
  }

  private dueTime(burst: Burst): number {
    return Math.min(burst.lastEditAt + this.policy.idleMs, burst.startedAt + this.policy.maxBurstMs);
  }
}
