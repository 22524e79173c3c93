import { evidenceMap, readEvidenceLinks, resolveEvidenceLinks, type ResolvedEvidenceLink } from '@canevas/core';
import type * as Y from 'yjs';
import { trailingThrottle, type TrailingThrottle } from '../scheduling/trailingThrottle.js';

export interface EvidenceSnapshot {
  /** False until the review doc has synced once: « no link » is not known before. */
  loaded: boolean;
  /** Every link, oldest first, with its live status (« détaché » links included). */
  links: readonly ResolvedEvidenceLink[];
}

/** How often typing re-resolves the links; new or removed links are resolved at once. */
export const CONTENT_RESOLVE_WAIT_MS = 250;

/**
 * The evidence links of one document, live: read from the server-owned review doc and resolved
 * against the content doc, again whenever either changes. Subscribers are told only when a link
 * appears, goes, changes status or its passage's text changes, not when it merely moves.
 */
export class LiveEvidence {
  private snapshot: EvidenceSnapshot = { loaded: false, links: [] };
  private readonly listeners = new Set<() => void>();
  private readonly throttle: TrailingThrottle;
  private readonly onReviewChange = () => this.resolve();
  private readonly onContentUpdate = () => this.throttle.schedule();

  constructor(
    private readonly contentDoc: Y.Doc,
    private readonly reviewDoc: Y.Doc,
    wait = CONTENT_RESOLVE_WAIT_MS,
  ) {
    this.throttle = trailingThrottle(() => this.resolve(), wait);
    evidenceMap(reviewDoc).observe(this.onReviewChange);
    contentDoc.on('update', this.onContentUpdate);
    this.resolve();
  }

  getSnapshot = (): EvidenceSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Called on the review provider's first sync. */
  setLoaded(): void {
    if (this.snapshot.loaded) return;
    this.publish({ ...this.snapshot, loaded: true });
  }

  /** Resolves now, without waiting for the throttle (e.g. before reading the snapshot). */
  resolve(): void {
    this.throttle.cancel();
    const links = resolveEvidenceLinks(this.contentDoc, readEvidenceLinks(this.reviewDoc));
    if (sameLinks(links, this.snapshot.links)) return;
    this.publish({ ...this.snapshot, links });
  }

  destroy(): void {
    this.throttle.cancel();
    this.listeners.clear();
    evidenceMap(this.reviewDoc).unobserve(this.onReviewChange);
    this.contentDoc.off('update', this.onContentUpdate);
  }

  private publish(next: EvidenceSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function sameLinks(a: readonly ResolvedEvidenceLink[], b: readonly ResolvedEvidenceLink[]): boolean {
  return (
    a.length === b.length &&
    a.every((link, i) => {
      const other = b[i]!;
      return (
        link.id === other.id &&
        link.nodeId === other.nodeId &&
        link.status === other.status &&
        link.resolution.text === other.resolution.text &&
        link.anchor.start === other.anchor.start &&
        link.anchor.end === other.anchor.end
      );
    })
  );
}
