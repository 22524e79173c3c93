import {
  anchorsRestoredByUndo,
  evidenceMap,
  readEvidenceLinks,
  resolveEvidenceLinks,
  type Anchor,
  type ResolvedEvidenceLink,
} from '@canevas/core';
import * as Y from 'yjs';
import { trailingThrottle, type TrailingThrottle } from '../scheduling/trailingThrottle.js';

export interface EvidenceSnapshot {
  /** False until the review doc has synced once: « no link » is not known before. */
  loaded: boolean;
  /** Every link, oldest first, with its live status (« détaché » links included). */
  links: readonly ResolvedEvidenceLink[];
}

/** Gives a link a new passage through the server (`evidence.reattach`). */
export type ReanchorLink = (id: string, anchor: Anchor) => Promise<unknown>;

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
  private reanchor: ReanchorLink | null = null;
  /** Set by this tab's first undo or redo: only then can a passage have been restored here. */
  private undone = false;
  /** Re-anchorings asked for, by link and old anchor, so that each is asked once. */
  private readonly requested = new Set<string>();
  private readonly onContentTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin instanceof Y.UndoManager) this.undone = true;
  };

  constructor(
    private readonly contentDoc: Y.Doc,
    private readonly reviewDoc: Y.Doc,
    wait = CONTENT_RESOLVE_WAIT_MS,
  ) {
    this.throttle = trailingThrottle(() => this.resolve(), wait);
    evidenceMap(reviewDoc).observe(this.onReviewChange);
    contentDoc.on('update', this.onContentUpdate);
    contentDoc.on('afterTransaction', this.onContentTransaction);
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

  /**
   * Lets this tab re-anchor, through the server, the links whose passage its own undo restored
   * (null: it may not change links). Links resolve the same in every tab, so the restored text is
   * not linked until then; this tab alone knows what its undo brought back.
   */
  setReanchor(reanchor: ReanchorLink | null): void {
    this.reanchor = reanchor;
    if (reanchor) this.resolve();
  }

  /** Resolves now, without waiting for the throttle (e.g. before reading the snapshot). */
  resolve(): void {
    this.throttle.cancel();
    const stored = readEvidenceLinks(this.reviewDoc);
    const links = resolveEvidenceLinks(this.contentDoc, stored);
    if (!sameLinks(links, this.snapshot.links)) this.publish({ ...this.snapshot, links });
    this.reanchorRestored(stored);
  }

  destroy(): void {
    this.throttle.cancel();
    this.listeners.clear();
    evidenceMap(this.reviewDoc).unobserve(this.onReviewChange);
    this.contentDoc.off('update', this.onContentUpdate);
    this.contentDoc.off('afterTransaction', this.onContentTransaction);
    this.reanchor = null;
  }

  private reanchorRestored(stored: readonly { id: string; anchor: Anchor }[]): void {
    const reanchor = this.reanchor;
    if (!reanchor || !this.undone || stored.length === 0) return;
    anchorsRestoredByUndo(this.contentDoc, stored.map((link) => link.anchor)).forEach((anchor, i) => {
      const link = stored[i]!;
      const key = `${link.id} ${link.anchor.start} ${link.anchor.end}`;
      if (!anchor || this.requested.has(key)) return;
      this.requested.add(key);
      // Refused or lost (offline): the link stays détaché for everybody, and a later change retries.
      reanchor(link.id, anchor).catch(() => this.requested.delete(key));
    });
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
