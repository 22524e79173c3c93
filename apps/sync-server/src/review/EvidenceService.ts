import {
  deleteEvidenceLink,
  evidenceMap,
  putEvidenceLinks,
  reviewRoomOf,
  type Anchor,
  type StoredEvidenceLink,
} from '@canevas/core';
import type { ReferentialCatalog } from '../plugins/ReferentialCatalog.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';
import { newId } from '../newId.js';

/** A refused review change, with the French message shown to the user. */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}

export interface EvidenceServiceOptions {
  store: DocumentStore;
  engine: SyncEngine;
  referentials: ReferentialCatalog;
  now?: () => Date;
}

const DEFAULT_AUTHOR = 'Anonyme';

/**
 * The only writer of evidence links. Each change is checked here, then applied to the document's
 * review doc through the sync engine, so it is stored before any client receives it.
 */
export class EvidenceService {
  private readonly now: () => Date;

  constructor(private readonly options: EvidenceServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Links one passage to each node (one link per node, the same anchor). */
  async add(input: { documentId: string; anchor: Anchor; nodeIds: readonly string[]; author?: string | undefined }): Promise<{ ids: string[] }> {
    const document = await this.options.store.getDocument(input.documentId);
    if (!document) throw documentNotFound();
    if (document.referentialId === null) {
      throw new ReviewError('BAD_REQUEST', 'Ce document n’est rattaché à aucun référentiel : aucun critère ne peut y être lié.');
    }
    const manifest = this.options.referentials.registry.get(document.referentialId);
    if (!manifest) {
      throw new ReviewError('BAD_REQUEST', `Le référentiel « ${document.referentialId} » de ce document n’est pas disponible sur ce serveur.`);
    }
    const nodeIds = [...new Set(input.nodeIds)];
    const known = new Set(manifest.nodes.map((node) => node.id));
    const unknown = nodeIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const list = unknown.map((id) => `« ${id} »`).join(', ');
      throw new ReviewError('BAD_REQUEST', `${unknown.length > 1 ? 'Critères inconnus' : 'Critère inconnu'} dans le référentiel « ${manifest.id} » : ${list}.`);
    }
    const createdAt = this.now().toISOString();
    const createdBy = input.author?.trim() || DEFAULT_AUTHOR;
    const links: StoredEvidenceLink[] = nodeIds.map((nodeId) => ({
      id: newId(12),
      nodeId,
      anchor: copyAnchor(input.anchor),
      createdBy,
      createdAt,
    }));
    await this.change(input.documentId, (doc) => putEvidenceLinks(doc, links));
    return { ids: links.map((link) => link.id) };
  }

  async remove(input: { documentId: string; id: string }): Promise<{ id: string }> {
    await this.change(input.documentId, (doc) => {
      if (!deleteEvidenceLink(doc, input.id)) throw linkNotFound();
    });
    return { id: input.id };
  }

  /** Gives a link (typically « détaché ») a new passage; its node, author and date stay. */
  async reattach(input: { documentId: string; id: string; anchor: Anchor }): Promise<{ id: string }> {
    await this.change(input.documentId, (doc) => {
      const link = evidenceMap(doc).get(input.id);
      if (!link) throw linkNotFound();
      putEvidenceLinks(doc, [{ ...link, anchor: copyAnchor(input.anchor) }]);
    });
    return { id: input.id };
  }

  private async change(documentId: string, change: Parameters<SyncEngine['applyServerChange']>[1]): Promise<void> {
    const result = await this.options.engine.applyServerChange(reviewRoomOf(documentId), change);
    if (!result.found) throw documentNotFound();
  }
}

function documentNotFound(): ReviewError {
  return new ReviewError('NOT_FOUND', 'Document introuvable.');
}

function linkNotFound(): ReviewError {
  return new ReviewError('NOT_FOUND', 'Lien de preuve introuvable.');
}

/** Only the anchor's known fields are stored, whatever else the caller sent. */
function copyAnchor(anchor: Anchor): Anchor {
  return { start: anchor.start, end: anchor.end, quote: { exact: anchor.quote.exact, prefix: anchor.quote.prefix, suffix: anchor.quote.suffix } };
}
