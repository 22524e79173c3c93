/**
 * The rooms unloaded with a short log, and when each is due to be folded (see FoldPolicy's
 * `atUnload`). Pure bookkeeping over the times it is given: the engine owns the timer and runs
 * the folds on the store chain.
 */
export class IdleFolds {
  private readonly due = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** The room was unloaded at `now` with a log to fold later; returns its due time. */
  schedule(room: string, now: number): number {
    const at = now + this.delayMs;
    this.due.set(room, at);
    return at;
  }

  /** Reopened, deleted or folded otherwise: nothing to do later. True if it was scheduled. */
  cancel(room: string): boolean {
    return this.due.delete(room);
  }

  has(room: string): boolean {
    return this.due.has(room);
  }

  /** The rooms due at `now`, still scheduled until cancelled (each fold cancels its own). */
  dueAt(now: number): string[] {
    const rooms: string[] = [];
    for (const [room, at] of this.due) if (at <= now) rooms.push(room);
    return rooms;
  }

  /** Milliseconds from `now` to the next room due after it; undefined when none waits. */
  nextAfter(now: number): number | undefined {
    let next = Number.POSITIVE_INFINITY;
    for (const at of this.due.values()) if (at > now) next = Math.min(next, at);
    return next === Number.POSITIVE_INFINITY ? undefined : next - now;
  }

  /** Every scheduled room (a stop folds them all, due or not). */
  rooms(): string[] {
    return [...this.due.keys()];
  }
}
