import { DOCUMENT_FIELD, createAnchor, flattenDocument, type Anchor } from '@canevas/core';
import type * as Y from 'yjs';

/** The anchor the web app would create for the first occurrence of `phrase` in a content doc. */
export function anchorFor(doc: Y.Doc, phrase: string): Anchor {
  const flat = flattenDocument(doc.getXmlFragment(DOCUMENT_FIELD));
  const at = flat.text.indexOf(phrase);
  const segment = flat.segments.find((s) => s.textStart <= at && at + phrase.length <= s.textStart + s.length);
  if (at < 0 || !segment) throw new Error(`« ${phrase} » is not in the document: ${JSON.stringify(flat.text)}`);
  const from = segment.pmStart + (at - segment.textStart);
  return createAnchor(doc, from, from + phrase.length);
}
