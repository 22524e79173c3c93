import * as Y from 'yjs';
import { frenchSentence } from './frenchText.js';
import { seededRandom } from './random.js';
import { BODY_FIELD } from './editingTrace.js';

export interface KeystrokeStream {
  clientId: number;
  /** Creates the typist's paragraph at the top of the body. */
  opening: Uint8Array;
  /** One update per keystroke, one character each, typed at the end of that paragraph. */
  keystrokes: Uint8Array[];
}

/**
 * What a thin sender types, encoded in advance so that sending costs the generator nothing but
 * the socket write. The updates are real Yjs updates from a private Y.Doc holding only the
 * typist's own paragraph, so they integrate into any document that has the body fragment.
 */
export function keystrokeStream(clientId: number, count: number): KeystrokeStream {
  const random = seededRandom(clientId);
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(BODY_FIELD).insert(0, [paragraph]);
  let source = '';
  while (source.length < count) source += frenchSentence(random) + ' ';
  let at = 0;
  for (const char of Array.from(source).slice(0, count)) {
    text.insert(at, char, {});
    at += char.length;
  }
  doc.destroy();
  return { clientId, opening: updates[0]!, keystrokes: updates.slice(1) };
}
