import type * as Y from 'yjs';
import type { Anchor } from '../anchors/Anchor.js';

/**
 * Inline comment threads, in the review doc (written by the server only, like evidence links).
 * A thread is anchored to a passage (same anchors as evidence, so it moves with edits and shows
 * « passage supprimé » once the text is gone), to a criterion, or to both.
 */
export const REVIEW_THREADS_MAP = 'threads';

export interface StoredComment {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
  editedAt?: string;
  /** Deleted comments keep their place in the thread, without their text. */
  deleted?: boolean;
}

export interface StoredThread {
  id: string;
  anchor?: Anchor;
  nodeId?: string;
  authorId: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
  comments: StoredComment[];
}

export function threadsMap(reviewDoc: Y.Doc): Y.Map<StoredThread> {
  return reviewDoc.getMap<StoredThread>(REVIEW_THREADS_MAP);
}

/** Oldest first; ties by id so every client lists them alike. */
export function readThreads(reviewDoc: Y.Doc): StoredThread[] {
  return [...threadsMap(reviewDoc).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Server side: replaces the thread whole (values are plain JSON, never edited in place). */
export function putThread(reviewDoc: Y.Doc, thread: StoredThread): void {
  threadsMap(reviewDoc).set(thread.id, JSON.parse(JSON.stringify(thread)) as StoredThread);
}
