import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../schema/documentField.js';
import type { Anchor } from './Anchor.js';
import { flattenDocument } from './flattenDocument.js';
import { quoteSelector } from './quoteSelector.js';
import { encodeRelPos } from './relativePositionCodec.js';

/**
 * Anchors the passage between ProseMirror positions `from` and `to` of a content Y.Doc. The start
 * sticks to the passage's first character and the end to its last, so text typed just before
 * or just after the passage, even concurrently, stays outside it. Needs only Yjs and the
 * document schema: the server and the browser compute the same anchor.
 */
export function createAnchor(ydoc: Y.Doc, from: number, to: number, field = DOCUMENT_FIELD): Anchor {
  const flat = flattenDocument(ydoc.getXmlFragment(field));
  const first = flat.segments.find((s) => s.length > 0 && s.pmStart + s.length > from && s.pmStart < to);
  const last = flat.segments.findLast((s) => s.length > 0 && s.pmStart < to && s.pmStart + s.length > from);
  if (!first || !last) throw new RangeError(`Aucun texte entre les positions ${from} et ${to}.`);
  const startIndex = Math.max(0, from - first.pmStart);
  const endIndex = Math.min(last.length, to - last.pmStart);
  return {
    start: encodeRelPos(Y.createRelativePositionFromTypeIndex(first.type, startIndex, 0)),
    end: encodeRelPos(Y.createRelativePositionFromTypeIndex(last.type, endIndex, -1)),
    quote: quoteSelector(flat.text, first.textStart + startIndex, last.textStart + endIndex),
  };
}
