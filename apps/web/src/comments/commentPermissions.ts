import type { StoredComment, StoredThread } from '@canevas/core';
import type { DocumentRole } from '../account/roleNames.js';

// The server decides (reviewRouter.ts); these only hide what it would refuse.

/** Owners, editors and tutors comment; viewers read. */
export function canComment(role: DocumentRole): boolean {
  return role !== 'viewer';
}

/** The thread's author, an owner or a tutor resolves and reopens it. */
export function canResolve(thread: StoredThread, userId: string, role: DocumentRole): boolean {
  return canComment(role) && (thread.authorId === userId || role === 'owner' || role === 'tutor');
}

/** One edits or deletes only one's own words, and nothing once deleted. */
export function canChangeComment(comment: StoredComment, userId: string, role: DocumentRole): boolean {
  return canComment(role) && comment.authorId === userId && comment.deleted !== true;
}
