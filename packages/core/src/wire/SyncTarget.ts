/**
 * What `documents.syncTarget({ id })` returns, enough for a stock y-websocket client:
 * `new WebsocketProvider(url, room, ydoc, { params })`.
 */
export interface SyncTarget {
  url: string;
  room: string;
  params: Record<string, string>;
  /**
   * The companion review doc (evidence links, comments, assessments), synced read-only:
   * `new WebsocketProvider(url, review.room, reviewDoc, { params: review.params })`.
   */
  review: { room: string; params: Record<string, string> };
  /** The caller's caret colour in this document: the colour the server stamps on their presence. */
  presenceColor: string;
}
