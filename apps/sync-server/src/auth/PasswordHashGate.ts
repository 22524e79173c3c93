export interface PasswordHashGateOptions {
  /**
   * Hashes running at once in the whole process. scrypt runs on libuv's thread pool (4 threads by
   * default), which file reads share: keeping hashes below its size leaves threads for serving
   * the app, and bounds memory (32 MiB per hash). Default 2.
   */
  maxConcurrent?: number;
  /** Hashes waiting for a slot; past it, a call is refused at once. Default 32. */
  maxQueued?: number;
  /** Hashes running or waiting for one client address. Default 2. */
  perAddress?: number;
}

export type PasswordHashRefusal = 'address_busy' | 'server_busy';

export class PasswordHashBusyError extends Error {
  override readonly name = 'PasswordHashBusyError';
  constructor(readonly reason: PasswordHashRefusal) {
    super(
      reason === 'address_busy'
        ? 'Trop de connexions en cours depuis cette adresse : réessayez dans un instant.'
        : 'Le serveur vérifie trop de mots de passe à la fois : réessayez dans un instant.',
    );
  }
}

/**
 * Every password hash of the process goes through here, one call at a time whatever the HTTP
 * request carried (a batch, parallel requests): a bounded number run, a bounded number wait in
 * order, the rest are refused without hashing.
 */
export class PasswordHashGate {
  readonly #maxConcurrent: number;
  readonly #maxQueued: number;
  readonly #perAddress: number;
  readonly #byAddress = new Map<string, number>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(options: PasswordHashGateOptions = {}) {
    this.#maxConcurrent = Math.max(1, options.maxConcurrent ?? 2);
    this.#maxQueued = Math.max(0, options.maxQueued ?? 32);
    this.#perAddress = Math.max(1, options.perAddress ?? 2);
  }

  stats(): { running: number; queued: number } {
    return { running: this.#running, queued: this.#waiting.length };
  }

  /** Runs `hash` when a slot frees up; throws {@link PasswordHashBusyError} when it cannot wait. */
  async run<T>(address: string | undefined, hash: () => Promise<T>): Promise<T> {
    if (address !== undefined && (this.#byAddress.get(address) ?? 0) >= this.#perAddress) throw new PasswordHashBusyError('address_busy');
    if (this.#running >= this.#maxConcurrent && this.#waiting.length >= this.#maxQueued) throw new PasswordHashBusyError('server_busy');
    if (address !== undefined) this.#byAddress.set(address, (this.#byAddress.get(address) ?? 0) + 1);
    try {
      if (this.#running >= this.#maxConcurrent) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      else this.#running++;
      try {
        return await hash();
      } finally {
        // The slot passes straight to the next in line, so `#running` never dips below a waiter.
        const next = this.#waiting.shift();
        if (next) next();
        else this.#running--;
      }
    } finally {
      if (address !== undefined) {
        const left = (this.#byAddress.get(address) ?? 1) - 1;
        if (left <= 0) this.#byAddress.delete(address);
        else this.#byAddress.set(address, left);
      }
    }
  }
}
