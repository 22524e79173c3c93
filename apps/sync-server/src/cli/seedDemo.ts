import {
  createAnchor,
  putEvidenceLinks,
  reviewRoomOf,
  type ReferentialRegistry,
  type StoredEvidenceLink,
} from '@canevas/core';
import * as Y from 'yjs';
import { newDocumentId } from '../documentId.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import { DEMO_DOCUMENTS, type DemoDocument } from './demoDocuments.js';
import { fillTemplate } from './fillTemplate.js';
import { phraseRange } from './phraseRange.js';
import { newId } from '../newId.js';

/**
 * Seeds a demo workspace, only into an empty store: drafts made from the TZCLD and CEFI
 * templates, some passages already linked as evidence, and a free document. A draft whose
 * referential is not loaded is skipped. Returns the number of documents created.
 */
export async function seedDemo(store: DocumentStore, registry: ReferentialRegistry): Promise<number> {
  if ((await store.countDocuments()) > 0) return 0;
  const { proseMirrorJSONToUpdate } = await import('@canevas/core/editor');
  const now = Date.now();
  let created = 0;
  // Created oldest first, so the listing (most recent first) follows DEMO_DOCUMENTS.
  for (const [index, demo] of [...DEMO_DOCUMENTS.entries()].reverse()) {
    const drafted = 'templateId' in demo ? draft(demo, registry) : { content: demo.content, referentialId: null, templateId: null };
    if (!drafted) continue;
    const id = newDocumentId();
    const snapshot = proseMirrorJSONToUpdate(drafted.content);
    await store.createDocument({
      id,
      title: demo.title,
      workspaceId: null,
      referentialId: drafted.referentialId,
      templateId: drafted.templateId,
      // Distinct timestamps keep the listing order stable.
      createdAt: now - index,
      snapshot,
    });
    if ('evidence' in demo && demo.evidence) {
      const review = evidenceUpdate(snapshot, demo.evidence, new Date(now - index).toISOString());
      if (review) await store.appendUpdates([{ room: reviewRoomOf(id), update: review }]);
    }
    created++;
  }
  return created;
}

function draft(demo: Extract<DemoDocument, { templateId: string }>, registry: ReferentialRegistry) {
  const template = registry.template(demo.referentialId, demo.templateId);
  if (!template) return undefined;
  return { content: fillTemplate(template, demo.filling), referentialId: demo.referentialId, templateId: demo.templateId };
}

/** The review doc's first state: anchors computed on the very content that was stored. */
function evidenceUpdate(
  snapshot: Uint8Array,
  evidence: NonNullable<Extract<DemoDocument, { templateId: string }>['evidence']>,
  createdAt: string,
): Uint8Array | undefined {
  const content = new Y.Doc();
  Y.applyUpdate(content, snapshot);
  const links: StoredEvidenceLink[] = [];
  for (const { phrase, nodeIds, author } of evidence) {
    const range = phraseRange(content, phrase);
    if (!range) continue;
    const anchor = createAnchor(content, range.from, range.to);
    for (const nodeId of nodeIds) links.push({ id: newId(12), nodeId, anchor, createdBy: author, createdAt });
  }
  content.destroy();
  if (links.length === 0) return undefined;
  const review = new Y.Doc();
  putEvidenceLinks(review, links);
  const update = Y.encodeStateAsUpdate(review);
  review.destroy();
  return update;
}
