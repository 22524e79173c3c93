import { reviewRoomOf } from '@canevas/core';
import { isValidDocumentId } from './documentId.js';

/** A document's content, or its companion review doc (evidence links), which clients only read. */
export type RoomLayer = 'content' | 'review';

export interface ParsedRoom {
  docId: string;
  layer: RoomLayer;
}

const REVIEW_SUFFIX = reviewRoomOf('');

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
