import type { StoredThread } from '@canevas/core';
import { shortQuote } from '../ui/shortQuote.js';

/**
 * What to say politely when others' comments arrive: « Nouveau commentaire de Marc : « … » », or
 * a count when several came at once. Nothing for one's own comments (the form already says so).
 */
export function commentAnnouncement(previous: readonly StoredThread[], next: readonly StoredThread[], selfId: string): string | null {
  const known = new Set(previous.flatMap((thread) => thread.comments.map((comment) => comment.id)));
  const fresh = next.flatMap((thread) => thread.comments).filter((comment) => !known.has(comment.id) && comment.authorId !== selfId && comment.deleted !== true);
  if (fresh.length === 0) return null;
  if (fresh.length === 1) {
    const [comment] = fresh;
    return `Nouveau commentaire de ${comment!.authorName} : « ${shortQuote(comment!.body, 80)} »`;
  }
  const authors = [...new Set(fresh.map((comment) => comment.authorName))];
  return `${fresh.length} nouveaux commentaires (${authors.join(', ')}).`;
}
