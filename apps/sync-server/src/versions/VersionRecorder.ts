import type { Logger } from '../logger.js';
import { newId } from '../newId.js';
import { DEFAULT_CAPTURE_POLICY, EditBursts, type CapturePolicy } from './EditBursts.js';
import { DEFAULT_RETENTION, versionsToThin, type RetentionPolicy } from './thinVersions.js';
import type { Version, VersionKind, VersionStore } from './VersionStore.js';

export interface VersionRecorderOptions {
  versions: VersionStore;
  /** The document's content now, everything edited stored first; undefined once deleted (see currentContentState). */
  readState: (docId: string) => Promise<Uint8Array | undefined>;
  logger: Logger;
  capture?: Partial<CapturePolicy>;
  retention?: RetentionPolicy;
  /** The clock of the capture and retention rules (tests give their own). */
  now?: () => number;
}

export interface VersionRequest {
  kind: VersionKind;
  name?: string | null;
  /** The account asking; null for the server's own (the version taken before a restore). */
  createdBy: string | null;
  restoredFrom?: string | null;
  /** The state to keep, when the caller holds it already (a submission's); else the current one. */
  state?: Uint8Array;
}

/**
 * Takes the versions of every document: automatic ones when a burst of edits goes idle or runs
 * too long (EditBursts), the others when asked (named, before and after a restore, at a
 * submission), then thins the automatic ones (versionsToThin). The versions of one document are
 * taken one after another; each records who edited since the previous one.
 */
export class VersionRecorder {
  readonly #bursts: EditBursts;
  readonly #options: VersionRecorderOptions;
  readonly #retention: RetentionPolicy;
  readonly #now: () => number;
  /** Per document, the version being taken: the next waits for it. */
  readonly #taking = new Map<string, Promise<unknown>>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #closed = false;

  constructor(options: VersionRecorderOptions) {
    this.#options = options;
    this.#bursts = new EditBursts({ ...DEFAULT_CAPTURE_POLICY, ...options.capture });
    this.#retention = options.retention ?? DEFAULT_RETENTION;
    this.#now = options.now ?? Date.now;
  }

  /** Edits of `docId` are durable; `editors` made them (null: unknown, not named). */
  edited(docId: string, editors: readonly (string | null)[]): void {
    if (this.#closed) return;
    const now = this.#now();
    for (const editor of editors) this.#bursts.edited(docId, editor, now);
    this.#arm();
  }

  /**
   * Takes a version now (named, before and after a restore, submission), with the edits of the
   * burst in progress; undefined when the document is gone.
   */
  take(docId: string, request: VersionRequest): Promise<Version | undefined> {
    return this.#serially(docId, async () => {
      const editors = this.#bursts.take(docId) ?? [];
      try {
        const state = request.state ?? (await this.#options.readState(docId));
        if (!state) return undefined;
        const version = await this.#options.versions.create({
          id: newId(12),
          documentId: docId,
          kind: request.kind,
          name: request.name ?? null,
          createdAt: this.#now(),
          createdBy: request.createdBy,
          editors,
          restoredFrom: request.restoredFrom ?? null,
          state,
        });
        await this.#thin(docId);
        return version;
      } catch (error) {
        this.#giveBack(docId, editors);
        this.#options.logger.warn('versions.take_failed', { docId, kind: request.kind, error });
        throw error;
      }
    });
  }

  /** Stops the timer and waits for the versions being taken. Bursts not yet captured are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([...this.#taking.values()]);
  }

  /** An automatic version for a burst already taken (so that the timer never sees it due again). */
  #takeAuto(docId: string, editors: string[]): Promise<unknown> {
    return this.#serially(docId, async () => {
      try {
        const state = await this.#options.readState(docId);
        if (!state) return;
        const version = await this.#options.versions.create({ id: newId(12), documentId: docId, kind: 'auto', name: null, createdAt: this.#now(), createdBy: null, editors, restoredFrom: null, state });
        this.#options.logger.debug('versions.captured', { docId, versionId: version.id, bytes: version.bytes });
        await this.#thin(docId);
      } catch (error) {
        // The edits stay counted: the version is tried again when the burst is next due.
        this.#giveBack(docId, editors);
        this.#options.logger.warn('versions.capture_failed', { docId, error });
      }
    }).catch(() => undefined);
  }

  async #thin(docId: string): Promise<void> {
    try {
      const doomed = versionsToThin(await this.#options.versions.list(docId), this.#now(), this.#retention);
      if (doomed.length > 0) await this.#options.versions.delete(docId, doomed);
    } catch (error) {
      // Thinning again at the next version catches up; the version itself is kept.
      this.#options.logger.warn('versions.thinning_failed', { docId, error });
    }
  }

  #giveBack(docId: string, editors: readonly string[]): void {
    if (this.#closed) return;
    const now = this.#now();
    this.#bursts.edited(docId, null, now);
    for (const editor of editors) this.#bursts.edited(docId, editor, now);
    this.#arm();
  }

  #serially<T>(docId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#taking.get(docId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#taking.set(docId, settled);
    void settled.then(() => {
      if (this.#taking.get(docId) === settled) this.#taking.delete(docId);
    });
    return result;
  }

  /** One timer for every document, set for the earliest burst due (edits only move theirs later). */
  #arm(): void {
    if (this.#closed) return;
    const next = this.#bursts.nextDueAt();
    if (next === undefined || next >= this.#timerAt) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = next;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, next - this.#now()));
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    for (const docId of this.#bursts.dueAt(this.#now())) {
      const editors = this.#bursts.take(docId);
      if (editors) void this.#takeAuto(docId, editors);
    }
    this.#arm();
  }
}
