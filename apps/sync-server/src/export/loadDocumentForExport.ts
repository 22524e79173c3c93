import {
  readDocumentBody,
  readReviewState,
  reviewRoomOf,
  withUnreadableNote,
  type ProseMirrorJSON,
  type ResolvedEvidenceLink,
  type ReviewState,
  type StoredAssessment,
} from '@canevas/core';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { documentNotFound, documentsQuarantined } from './ExportError.js';
import { UnreadableRoomError, type ExportSource } from './ExportSource.js';
import { plainContent } from './plainContent.js';

/** What an export needs of one document, read once; its review state as the live panel reads it. */
export interface DocumentForExport extends ReviewState {
  metadata: DocumentMetadata;
  /** The body to render, with a note at the top when part of it could not be read. */
  content: ProseMirrorJSON;
  /** The body as the live panel reads it (no note), for completeness. */
  body: ProseMirrorJSON;
  /** Evidence links with their live status (« détaché » when the passage is gone). */
  evidence: ResolvedEvidenceLink[];
  /** The tutor's assessments: the annex's statuses and decision follow them, as in the app. */
  assessments: StoredAssessment[];
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
    const read = readDocumentBody(contentDoc);
    const content = plainContent(withUnreadableNote(read));
    const body = read.unreadable === 0 ? content : plainContent(read.content);
    const reviewDoc = await source.loadRoom(reviewRoomOf(metadata.id));
    try {
      return { metadata, content, body, ...readReviewState(contentDoc, reviewDoc) };
    } finally {
      reviewDoc?.destroy();
    }
  } finally {
    contentDoc.destroy();
  }
}
