import {
  readEvidenceLinks,
  resolveEvidenceLinks,
  readDocumentBody,
  reviewRoomOf,
  withUnreadableNote,
  type ProseMirrorJSON,
  type ResolvedEvidenceLink,
} from '@canevas/core';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { documentNotFound, documentsQuarantined } from './ExportError.js';
import { UnreadableRoomError, type ExportSource } from './ExportSource.js';
import { plainContent } from './plainContent.js';

/** What an export needs of one document, read once. */
export interface DocumentForExport {
  metadata: DocumentMetadata;
  content: ProseMirrorJSON;
  /** Evidence links with their live status (« détaché » when the passage is gone). */
  evidence: ResolvedEvidenceLink[];
}

/**
 * Rows that cannot be read (not yet recorded in quarantine, or recorded by no one) refuse the
 * export the same way: `dossier` says which message.
 */
export async function loadDocumentForExport(source: ExportSource, metadata: DocumentMetadata, dossier = false): Promise<DocumentForExport> {
  try {
    return await readDocument(source, metadata);
  } catch (error) {
    if (error instanceof UnreadableRoomError) throw documentsQuarantined([metadata.title], dossier);
    throw error;
  }
}

async function readDocument(source: ExportSource, metadata: DocumentMetadata): Promise<DocumentForExport> {
  const contentDoc = await source.loadRoom(metadata.id);
  if (!contentDoc) throw documentNotFound(metadata.id);
  try {
    // What the schema cannot read (old data) is left out, and the export says so at the top.
    const content = plainContent(withUnreadableNote(readDocumentBody(contentDoc)));
    const reviewDoc = await source.loadRoom(reviewRoomOf(metadata.id));
    let evidence: ResolvedEvidenceLink[] = [];
    if (reviewDoc) {
      try {
        evidence = resolveEvidenceLinks(contentDoc, readEvidenceLinks(reviewDoc));
      } finally {
        reviewDoc.destroy();
      }
    }
    return { metadata, content, evidence };
  } finally {
    contentDoc.destroy();
  }
}
