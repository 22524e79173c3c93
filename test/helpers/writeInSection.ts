import { DOCUMENT_FIELD } from '@canevas/core';
import * as Y from 'yjs';

/** Types `text` into the paragraph under the heading of `sectionId`, as an author would. */
export function writeInSection(doc: Y.Doc, sectionId: string, text: string): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const children = fragment.toArray();
  const heading = children.findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('sectionId') === sectionId);
  const paragraph = children[heading + 1];
  if (heading < 0 || !(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph') {
    throw new Error(`No paragraph under section ${sectionId}`);
  }
  doc.transact(() => {
    const run = new Y.XmlText();
    run.insert(0, text);
    paragraph.insert(paragraph.length, [run]);
  });
}
