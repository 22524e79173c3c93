/** Document ids travel in URLs and file names: keep them to a safe alphabet. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDocumentId(id: string): boolean {
  return DOCUMENT_ID_PATTERN.test(id);
}

/** A document's content, or its companion review doc (evidence links), which clients only read. */
export type RoomLayer = 'content' | 'review';

export interface ParsedRoom {
  docId: string;
  layer: RoomLayer;
}

const REVIEW_SUFFIX = '/review';

/** The sync room of a document's review doc: `/sync/<docId>/review`. */
export function reviewRoomOf(documentId: string): string {
  return `${documentId}${REVIEW_SUFFIX}`;
}

/**
 * Sync rooms and store keys share one name space: `<docId>` for the content and
 * `<docId>/review` for the review doc, so the engine and the store handle both alike.
 */
export function parseRoomName(room: string): ParsedRoom | undefined {
  const layer: RoomLayer = room.endsWith(REVIEW_SUFFIX) ? 'review' : 'content';
  const docId = layer === 'review' ? room.slice(0, -REVIEW_SUFFIX.length) : room;
  return isValidDocumentId(docId) ? { docId, layer } : undefined;
}

export function roomNameOf(docId: string, layer: RoomLayer): string {
  return layer === 'review' ? reviewRoomOf(docId) : docId;
}
