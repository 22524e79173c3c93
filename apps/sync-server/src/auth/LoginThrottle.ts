export interface ThrottleDecision {
  allowed: boolean;
  /** Seconds to wait when refused. */
  retryAfterSeconds: number;
}

export interface LoginThrottleOptions {
  /** Failures allowed for free within the window. Default 5. */
  freeAttempts?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** First lockout, doubled at each further failure. Default 30 s, capped by `maxLockMs`. */
  baseLockMs?: number;
  /** Default 15 minutes. */
  maxLockMs?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/**
 * Slows down password guessing. Callers check every key an attempt involves (the account's email
 * and the client address) so that neither one account nor one address can be hammered. Memory
 * is bounded: stale entries are pruned, and past `maxEntries` the oldest go first.
 */
export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #free: number;
  readonly #windowMs: number;
  readonly #baseLockMs: number;
  readonly #maxLockMs: number;
  readonly #now: () => number;
  readonly #maxEntries = 100_000;

  constructor(options: LoginThrottleOptions = {}) {
    this.#free = options.freeAttempts ?? 5;
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#baseLockMs = options.baseLockMs ?? 30_000;
    this.#maxLockMs = options.maxLockMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  check(keys: readonly string[]): ThrottleDecision {
    const now = this.#now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.#live(key, now);
      if (entry && entry.lockedUntil > now) wait = Math.max(wait, entry.lockedUntil - now);
    }
    return { allowed: wait === 0, retryAfterSeconds: Math.ceil(wait / 1000) };
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) {
      const entry = this.#live(key, now) ?? { failures: 0, firstFailureAt: now, lockedUntil: 0 };
      entry.failures += 1;
      const over = entry.failures - this.#free;
      if (over > 0) entry.lockedUntil = now + Math.min(this.#maxLockMs, this.#baseLockMs * 2 ** (over - 1));
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    this.#prune(now);
  }

  /** A successful login clears the account's record, not the address's. */
  recordSuccess(key: string): void {
    this.#entries.delete(key);
  }

  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && now - entry.firstFailureAt > this.#windowMs && entry.lockedUntil <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && now - entry.firstFailureAt <= this.#windowMs) break;
      if (this.#entries.size > this.#maxEntries || entry.lockedUntil <= now) this.#entries.delete(key);
    }
  }
}
