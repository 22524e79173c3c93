import type * as Y from 'yjs';
import type { Anchor } from '../anchors/Anchor.js';
import { resolveAnchors, type AnchorResolution } from '../anchors/resolveAnchor.js';
import type { EvidenceLink } from './EvidenceLink.js';

/**
 * The companion review Y.Doc of a content document. Clients sync it read-only; only the server
 * writes it, after checking the caller's role, so nobody can forge or drop someone else's links.
 *
 * Layout: `evidence` is a Y.Map from link id to a {@link StoredEvidenceLink} (plain JSON, replaced
 * whole on change). Later review features (threads, assessments) add their own top-level maps.
 */
export const REVIEW_EVIDENCE_MAP = 'evidence';

/** An evidence link as stored: its status is not stored, it is read from the content doc. */
export interface StoredEvidenceLink {
  id: string;
  nodeId: string;
  anchor: Anchor;
  /** Display name or user id of whoever made the link. */
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
}

export function evidenceMap(reviewDoc: Y.Doc): Y.Map<StoredEvidenceLink> {
  return reviewDoc.getMap<StoredEvidenceLink>(REVIEW_EVIDENCE_MAP);
}

/** Every stored link, oldest first (ties by id, so every client lists them in the same order). */
export function readEvidenceLinks(reviewDoc: Y.Doc): StoredEvidenceLink[] {
  return [...evidenceMap(reviewDoc).values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Server side: adds or replaces a link in one transaction. */
export function putEvidenceLinks(reviewDoc: Y.Doc, links: readonly StoredEvidenceLink[]): void {
  reviewDoc.transact(() => {
    const map = evidenceMap(reviewDoc);
    for (const link of links) map.set(link.id, { ...link });
  });
}

/** Server side: false when the link does not exist. */
export function deleteEvidenceLink(reviewDoc: Y.Doc, id: string): boolean {
  const map = evidenceMap(reviewDoc);
  if (!map.has(id)) return false;
  map.delete(id);
  return true;
}

export interface ResolvedEvidenceLink extends EvidenceLink {
  /** Where the passage is now; `detached` once all of it was deleted. */
  resolution: AnchorResolution;
}

/** Gives each stored link its live status against the content doc (« détaché » when its passage is gone). */
export function resolveEvidenceLinks(contentDoc: Y.Doc, links: readonly StoredEvidenceLink[]): ResolvedEvidenceLink[] {
  const resolutions = resolveAnchors(contentDoc, links.map((link) => link.anchor));
  return links.map((link, index) => {
    const resolution = resolutions[index]!;
    return { ...link, status: resolution.status, resolution };
  });
}
