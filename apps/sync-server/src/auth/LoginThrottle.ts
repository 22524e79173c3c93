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
  /** Attempts admitted whose password is still being checked. */
  pending: number;
  firstFailureAt: number;
  lockedUntil: number;
}

/** An admitted attempt: report its outcome exactly once. */
export interface LoginAttempt {
  failed(): void;
  /** Neither a failure nor a success (the password was never checked). */
  abandoned(): void;
  /** Clears the record of `clearKey` (the account); the other keys only lose this attempt. */
  succeeded(clearKey: string): void;
}

/**
 * Slows down password guessing. Callers check every key an attempt involves (the account's email
 * and the client address) so that neither one account nor one address can be hammered. Memory
 * is bounded: stale entries are pruned, and past `maxEntries` the oldest go first.
 *
 * An attempt is admitted and counted in one synchronous step (`begin`), before its password is
 * hashed: attempts in flight count as possible failures, so calls that arrive together (a batch,
 * parallel requests) cannot all be checked before any is recorded. At most `freeAttempts + 1`
 * attempts per key are ever hashed before the lock.
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

  /**
   * Admits one attempt on every key, or refuses it: when a key is locked, or when its failures
   * plus the attempts in flight already reach the one that would lock it.
   */
  begin(keys: readonly string[]): ({ allowed: true } & LoginAttempt) | { allowed: false; retryAfterSeconds: number } {
    const decision = this.check(keys);
    if (!decision.allowed) return { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
    const now = this.#now();
    const entries = keys.map((key) => this.#live(key, now));
    if (entries.some((entry) => entry && entry.failures + entry.pending > this.#free)) {
      return { allowed: false, retryAfterSeconds: Math.ceil(this.#baseLockMs / 1000) };
    }
    for (const key of keys) {
      const entry = this.#live(key, now) ?? this.#fresh(key, now);
      entry.pending += 1;
    }
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      for (const key of keys) {
        const entry = this.#entries.get(key);
        if (entry) entry.pending = Math.max(0, entry.pending - 1);
      }
      return true;
    };
    return {
      allowed: true,
      failed: () => {
        if (settle()) this.recordFailure(keys);
      },
      abandoned: () => void settle(),
      succeeded: (clearKey: string) => {
        if (!settle()) return;
        this.recordSuccess(clearKey);
        for (const key of keys) {
          const entry = this.#entries.get(key);
          if (entry && entry.failures === 0 && entry.pending === 0 && entry.lockedUntil <= now) this.#entries.delete(key);
        }
      },
    };
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) {
      const entry = this.#live(key, now) ?? this.#fresh(key, now);
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

  #fresh(key: string, now: number): Entry {
    const entry: Entry = { failures: 0, pending: 0, firstFailureAt: now, lockedUntil: 0 };
    this.#entries.set(key, entry);
    return entry;
  }

  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.pending === 0 && now - entry.firstFailureAt > this.#windowMs && entry.lockedUntil <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && now - entry.firstFailureAt <= this.#windowMs) break;
      if (this.#entries.size > this.#maxEntries || (entry.lockedUntil <= now && entry.pending === 0)) this.#entries.delete(key);
    }
  }
}
