import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../schema/editorExtensions.js';
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

/** Where a relative position lies now; inside a deleted block, the place the block was. */
function pointOf(ydoc: Y.Doc, encoded: string): Point | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(decodeRelPos(encoded), ydoc);
  } catch {
    return null;
  }
  if (!absolute) return null;
  let type = absolute.type as Y.AbstractType<unknown>;
  let index = absolute.index;
  let deadTop: Y.AbstractType<unknown> | undefined;
  for (let t = type; t._item !== null; t = t._item.parent as Y.AbstractType<unknown>) {
    if (t._item.deleted) deadTop = t;
  }
  if (deadTop) {
    const item = deadTop._item!;
    type = item.parent as Y.AbstractType<unknown>;
    index = 0;
    for (let left = item.left; left !== null; left = left.left) {
      if (!left.deleted && left.countable) index += left.length;
    }
  }
  return isLive(type) ? { type, index } : null;
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
  const detached = { status: 'detached', text: '' } as const;
  let start = pointOf(ydoc, anchor.start);
  let end = pointOf(ydoc, anchor.end);
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
