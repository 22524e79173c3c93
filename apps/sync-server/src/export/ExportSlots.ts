import { ExportError } from './ExportError.js';

export interface ExportSlotsOptions {
  /** Exports read and laid out at once, whatever the route. Default 2. */
  maxRunning?: number;
  /** Exports waiting for a slot; past it, more are refused with 429. Default 6. */
  maxQueued?: number;
  /** `Retry-After` of the refusal, in seconds. Default 10. */
  retryAfterSeconds?: number;
}

/** Gives the slot back; idempotent. */
export type ReleaseSlot = () => void;

/**
 * The one limit on exports in progress, shared by every route that renders (one document, the
 * dossier, dossier jobs): a slot covers reading the documents and laying out the file, so a
 * burst of requests can neither pile books up in memory nor queue work without bound. Waiting
 * exports start in arrival order; past the queue, the refusal is immediate.
 */
export class ExportSlots {
  readonly maxRunning: number;
  readonly maxQueued: number;
  private readonly retryAfterSeconds: number;
  private running = 0;
  private readonly waiting: ((release: ReleaseSlot) => void)[] = [];

  constructor(options: ExportSlotsOptions = {}) {
    this.maxRunning = Math.max(1, options.maxRunning ?? 2);
    this.maxQueued = Math.max(0, options.maxQueued ?? 6);
    this.retryAfterSeconds = options.retryAfterSeconds ?? 10;
  }

  /**
   * Resolves with the slot's release once the export may start. Throws `TOO_MANY` at once (not
   * asynchronously) when every slot is taken and the queue is full, so a caller learns it
   * before doing any work.
   */
  enter(): Promise<ReleaseSlot> {
    if (this.running < this.maxRunning) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxQueued) {
      throw new ExportError(
        'TOO_MANY',
        `Trop d’exports sont en cours sur le serveur (${this.running} en cours, ${this.waiting.length} en attente). Réessayez dans un instant.`,
        this.retryAfterSeconds,
      );
    }
    return new Promise<ReleaseSlot>((resolve) => this.waiting.push(resolve));
  }

  /** Exports running and waiting, for the progress shown to a queued job. */
  load(): { running: number; queued: number } {
    return { running: this.running, queued: this.waiting.length };
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line: `running` stays the same.
      if (next) next(this.releaser());
      else this.running--;
    };
  }
}
