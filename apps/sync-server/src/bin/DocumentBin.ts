import type { Logger } from '../logger.js';
import type { DocumentStore, TrashedDocument } from '../store/DocumentStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';

export const DEFAULT_BIN_RETENTION_MS = 30 * 24 * 3600_000;
const PURGE_INTERVAL_MS = 3600_000;

export interface DocumentBinOptions {
  store: Pick<DocumentStore, 'trashDocument' | 'restoreTrashedDocument' | 'listTrashed'>;
  engine: Pick<SyncEngine, 'deleteDocument' | 'flushPending'>;
  logger: Logger;
  /** How long a deleted document can be restored (default 30 days); then it is purged. */
  retentionMs?: number;
  /** How often expired documents are looked for (default hourly). */
  purgeIntervalMs?: number;
  now?: () => number;
}

/**
 * The bin (« Corbeille », issue 16): deleting a document moves it here, whole (content, review
 * doc, versions, submissions), where only its workspace's owners see it. They restore it as it
 * was, or empty the bin; what stays past the retention is purged. Callers check roles.
 */
export class DocumentBin {
  readonly retentionMs: number;
  readonly #options: DocumentBinOptions;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #purging: Promise<number> | undefined;

  constructor(options: DocumentBinOptions) {
    this.#options = options;
    this.retentionMs = options.retentionMs ?? DEFAULT_BIN_RETENTION_MS;
    this.#now = options.now ?? Date.now;
  }

  /** Purges now, then on every interval. */
  start(): void {
    void this.purgeExpired();
    this.#timer = setInterval(() => void this.purgeExpired(), this.#options.purgeIntervalMs ?? PURGE_INTERVAL_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#purging;
  }

  /**
   * Moves a document to the bin; its connections close with 4410 as on a deletion. What clients
   * sent before is stored first (the room's unstored updates would go with its unload).
   */
  async trash(docId: string, by: string): Promise<boolean> {
    await this.#options.engine.flushPending();
    return this.#options.engine.deleteDocument(docId, (id) => this.#options.store.trashDocument(id, this.#now(), by));
  }

  /** Takes a document out of the bin, as it was. False when it is not there. */
  restore(docId: string): Promise<boolean> {
    return this.#options.store.restoreTrashedDocument(docId);
  }

  /** The documents in the bin, with the time each will be purged. */
  async list(): Promise<(TrashedDocument & { purgeAt: number })[]> {
    return (await this.#options.store.listTrashed()).map((document) => ({ ...document, purgeAt: document.trashedAt + this.retentionMs }));
  }

  /** Deletes for good the documents in the bin that `which` selects; resolves to how many. */
  async empty(which: (document: TrashedDocument) => boolean): Promise<number> {
    let count = 0;
    for (const document of await this.#options.store.listTrashed()) {
      if (which(document) && (await this.#options.engine.deleteDocument(document.id))) count++;
    }
    return count;
  }

  /** Deletes for good what has been in the bin longer than the retention. */
  purgeExpired(): Promise<number> {
    this.#purging ??= (async () => {
      try {
        const expired = this.#now() - this.retentionMs;
        const purged = await this.empty((document) => document.trashedAt <= expired);
        if (purged > 0) this.#options.logger.info('bin.purged', { documents: purged });
        return purged;
      } catch (error) {
        this.#options.logger.warn('bin.purge_failed', { error });
        return 0;
      } finally {
        this.#purging = undefined;
      }
    })();
    return this.#purging;
  }
}
