import { DOCUMENT_FIELD, flattenDocument } from '@canevas/core';
import type * as Y from 'yjs';

/** The ProseMirror positions of the first occurrence of `phrase` within one run of text. */
export function phraseRange(ydoc: Y.Doc, phrase: string): { from: number; to: number } | undefined {
  const flat = flattenDocument(ydoc.getXmlFragment(DOCUMENT_FIELD));
  const at = flat.text.indexOf(phrase);
  if (at < 0) return undefined;
  const segment = flat.segments.find((s) => s.textStart <= at && at + phrase.length <= s.textStart + s.length);
  if (!segment) return undefined;
  const from = segment.pmStart + (at - segment.textStart);
  return { from, to: from + phrase.length };
}
