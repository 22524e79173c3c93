import { readThreads, resolveAnchors, threadsMap, type AnchorResolution, type StoredThread } from '@canevas/core';
import type * as Y from 'yjs';
import { trailingThrottle, type TrailingThrottle } from '../scheduling/trailingThrottle.js';

/** A comment thread with where its passage lies now (null for a thread on a criterion only). */
export interface ResolvedThread {
  thread: StoredThread;
  resolution: AnchorResolution | null;
}

export interface ThreadsSnapshot {
  /** False until the review doc has synced once: « no comment » is not known before. */
  loaded: boolean;
  /** Oldest first, resolved threads and détachés included. */
  threads: readonly ResolvedThread[];
}

/** How often typing re-resolves the passages; new comments are read at once. */
export const THREAD_RESOLVE_WAIT_MS = 250;

/**
 * The comment threads of one document, live: read from the server-owned review doc and resolved
 * against the content doc. Subscribers are told when a thread changes or its passage's text or
 * status changes, not when the passage merely moves.
 */
export class LiveThreads {
  private snapshot: ThreadsSnapshot = { loaded: false, threads: [] };
  private readonly listeners = new Set<() => void>();
  private readonly throttle: TrailingThrottle;
  private readonly onReviewChange = () => this.resolve();
  private readonly onContentUpdate = () => this.throttle.schedule();

  constructor(
    private readonly contentDoc: Y.Doc,
    private readonly reviewDoc: Y.Doc,
    wait = THREAD_RESOLVE_WAIT_MS,
  ) {
    this.throttle = trailingThrottle(() => this.resolve(), wait);
    threadsMap(reviewDoc).observe(this.onReviewChange);
    contentDoc.on('update', this.onContentUpdate);
    this.resolve();
  }

  getSnapshot = (): ThreadsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  setLoaded(): void {
    if (this.snapshot.loaded) return;
    this.publish({ ...this.snapshot, loaded: true });
  }

  resolve(): void {
    this.throttle.cancel();
    const stored = readThreads(this.reviewDoc);
    const resolutions = resolveAnchors(this.contentDoc, stored.map((thread) => thread.anchor));
    const threads = stored.map((thread, index) => ({ thread, resolution: resolutions[index] ?? null }));
    if (sameThreads(threads, this.snapshot.threads)) return;
    this.publish({ ...this.snapshot, threads });
  }

  destroy(): void {
    this.throttle.cancel();
    this.listeners.clear();
    threadsMap(this.reviewDoc).unobserve(this.onReviewChange);
    this.contentDoc.off('update', this.onContentUpdate);
  }

  private publish(next: ThreadsSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

// The server replaces a thread whole on every change, so an unchanged thread is the same object.
function sameThreads(a: readonly ResolvedThread[], b: readonly ResolvedThread[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i]!;
      return (
        entry.thread === other.thread &&
        entry.resolution?.status === other.resolution?.status &&
        entry.resolution?.text === other.resolution?.text
      );
    })
  );
}
