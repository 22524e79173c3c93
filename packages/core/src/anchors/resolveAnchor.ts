import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../schema/documentField.js';
import type { Anchor } from './Anchor.js';
import { flattenDocument, type FlatDocument } from './flattenDocument.js';
import { decodeRelPos } from './relativePositionCodec.js';

export type AnchorResolution =
  | {
      status: 'attached';
      /** The passage as it reads now. */
      text: string;
      /** ProseMirror positions, to highlight the passage or jump to it. */
      from: number;
      to: number;
    }
  | { status: 'detached'; text: '' };

interface Point {
  type: Y.AbstractType<unknown>;
  index: number;
}

function isLive(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return false;
  }
  return true;
}

/**
 * Where a relative position lies now, or null when it is lost. Only state that every replica
 * shares after sync may decide this, or peers disagree on whether a passage is détaché:
 * - Yjs by default follows `item.redone`, set only in the doc of the client that pressed undo and
 *   never synced, so the restored passage would resolve in that tab alone: hence
 *   `followUndoneDeletions = false`;
 * - content under a deleted block is garbage-collected on most replicas but kept where an
 *   UndoManager tracks it: a position inside a deleted block is lost everywhere.
 * The undoing client instead re-anchors the link to the restored text through the server (see
 * `anchorRestoredByUndo`), so that everyone sees it attached again.
 */
function pointOf(ydoc: Y.Doc, encoded: string, followUndone = false): Point | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(decodeRelPos(encoded), ydoc, followUndone);
  } catch {
    return null;
  }
  if (!absolute) return null;
  const type = absolute.type as Y.AbstractType<unknown>;
  return isLive(type) ? { type, index: absolute.index } : null;
}

function locate(flat: FlatDocument, point: Point): { text: number; pm: number } | null {
  if (point.type instanceof Y.XmlText) {
    const segment = flat.segmentOf.get(point.type);
    if (!segment) return null;
    const index = Math.min(point.index, segment.length);
    return { text: segment.textStart + index, pm: segment.pmStart + index };
  }
  const boundary = flat.boundaries.get(point.type);
  if (!boundary) return null;
  const index = Math.min(point.index, boundary.text.length - 1);
  return { text: boundary.text[index]!, pm: boundary.pm[index]! };
}

/**
 * Finds an anchored passage in the content Y.Doc using Yjs alone. Attached while at least one
 * character of the passage remains; détaché once all of it was deleted (the link is then kept
 * and shown with its quote). `flat`, the document flattened once, lets many anchors share that
 * linear pass (see `resolveEvidenceLinks`).
 */
export function resolveAnchor(ydoc: Y.Doc, anchor: Anchor, field = DOCUMENT_FIELD, flat?: FlatDocument): AnchorResolution {
  return resolveWith(ydoc, anchor, field, flat, false);
}

/**
 * Local to one client, never to be shared: where the passage is for the client whose undo
 * restored it (Yjs follows the undone deletion to the restored text). Used only to re-anchor.
 */
export function resolveAnchorFollowingUndo(ydoc: Y.Doc, anchor: Anchor, field = DOCUMENT_FIELD, flat?: FlatDocument): AnchorResolution {
  return resolveWith(ydoc, anchor, field, flat, true);
}

function resolveWith(ydoc: Y.Doc, anchor: Anchor, field: string, flat: FlatDocument | undefined, followUndone: boolean): AnchorResolution {
  const detached = { status: 'detached', text: '' } as const;
  let start = pointOf(ydoc, anchor.start, followUndone);
  let end = pointOf(ydoc, anchor.end, followUndone);
  // A block deleted whole is garbage-collected and its position lost: the passage then keeps
  // what remains in the other endpoint's block (earlier blocks of a long passage may be missed).
  if (!start && end?.type instanceof Y.XmlText) start = { type: end.type as unknown as Y.AbstractType<unknown>, index: 0 };
  if (!end && start?.type instanceof Y.XmlText) end = { type: start.type as unknown as Y.AbstractType<unknown>, index: start.type.length };
  if (!start || !end) return detached;
  const document = flat ?? flattenDocument(ydoc.getXmlFragment(field));
  const from = locate(document, start);
  const to = locate(document, end);
  if (!from || !to || to.text <= from.text) return detached;
  const text = document.text.slice(from.text, to.text);
  if (text.replace(/\n/g, '') === '') return detached;
  return { status: 'attached', text, from: from.pm, to: to.pm };
}

/**
 * Resolves many anchors with one scan of the document (per anchor, a 30-page document with
 * 30 anchors cost ~100 ms). `undefined` entries (a comment on a criterion only) give null.
 */
export function resolveAnchors(ydoc: Y.Doc, anchors: readonly (Anchor | undefined)[], field = DOCUMENT_FIELD): (AnchorResolution | null)[] {
  let flat: FlatDocument | undefined;
  return anchors.map((anchor) => {
    if (!anchor) return null;
    flat ??= flattenDocument(ydoc.getXmlFragment(field));
    return resolveAnchor(ydoc, anchor, field, flat);
  });
}
