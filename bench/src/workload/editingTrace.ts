import * as Y from 'yjs';
import { frenchSentence, frenchWord } from './frenchText.js';
import { between, seededRandom } from './random.js';

/** The document body field (TipTap's default, DOCUMENT_FIELD in @canevas/core). */
export const BODY_FIELD = 'default';
const WORDS_PER_PAGE = 400;
const PARAGRAPHS_PER_SECTION = 5;
const WORDS_PER_PARAGRAPH = 60;
const BOLD: Record<string, unknown> = { bold: {} };
const PLAIN: Record<string, unknown> = {};

export interface EditingTraceOptions {
  pages: number;
  seed?: number;
  /** Co-authors taking turns section by section (distinct Yjs client ids). */
  authors?: number;
}

export interface EditingTraceStats {
  pages: number;
  words: number;
  characters: number;
  /** Transactions, each one Yjs update: keystrokes, backspaces, range deletions, formatting. */
  transactions: number;
  keystrokes: number;
  deletions: number;
  updateBytes: number;
  finalBytes: number;
  authors: number;
}

export interface EditingTrace {
  /** One update per transaction, in editing order, as the authors' providers sent them. */
  updates: Uint8Array[];
  /** The resulting document, encoded as one update. */
  finalUpdate: Uint8Array;
  /** Its state vector: a client holds the whole document once it covers this. */
  stateVector: Map<number, number>;
  stats: EditingTraceStats;
}

/**
 * A realistic editing trace of a dossier, in the schema the editor uses (headings and paragraphs
 * of the `default` XmlFragment, bold as a formatting attribute like y-prosemirror writes it).
 * Every keystroke is its own transaction, as a provider sends it; authors make typos and fix
 * them with backspace, go back to earlier paragraphs to insert phrases, delete and rewrite
 * ranges, embolden words, and add paragraphs in the middle. Deterministic for a given seed.
 */
export function generateEditingTrace(options: EditingTraceOptions): EditingTrace {
  const random = seededRandom(options.seed ?? 2026);
  const authors = Array.from({ length: options.authors ?? 3 }, (_, i) => 1_000_000 + (options.seed ?? 2026) * 10 + i);
  const doc = new Y.Doc();
  doc.clientID = authors[0]!;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const body = doc.getXmlFragment(BODY_FIELD);
  const paragraphs: Y.XmlText[] = [];
  const stats = { words: 0, keystrokes: 0, deletions: 0 };
  const targetWords = options.pages * WORDS_PER_PAGE;

  const insertBlock = (name: 'heading' | 'paragraph', index: number): Y.XmlText => {
    const element = new Y.XmlElement(name);
    const text = new Y.XmlText();
    element.insert(0, [text]);
    doc.transact(() => {
      if (name === 'heading') element.setAttribute('level', 2 as unknown as string);
      body.insert(index, [element]);
    });
    return text;
  };
  /** Types `content` one keystroke per transaction from `at`; returns the caret position after it. */
  const type = (text: Y.XmlText, at: number, content: string, attributes = PLAIN): number => {
    for (const char of content) {
      doc.transact(() => text.insert(at, char, attributes));
      at += char.length;
      stats.keystrokes++;
    }
    return at;
  };
  const backspace = (text: Y.XmlText, at: number, count: number): number => {
    for (let i = 0; i < count; i++) {
      doc.transact(() => text.delete(at - 1, 1));
      at--;
      stats.deletions++;
    }
    return at;
  };
  const typeParagraph = (text: Y.XmlText, at: number, words: number): number => {
    let typed = 0;
    while (typed < words) {
      const sentence = frenchSentence(random).split(' ');
      for (const [i, word] of sentence.entries()) {
        const separator = typed === 0 && i === 0 ? '' : ' ';
        at = type(text, at, separator);
        if (random() < 0.04) {
          // A typo noticed at once: two wrong letters, two backspaces.
          at = type(text, at, word + frenchWord(random).slice(0, 2));
          at = backspace(text, at, 2);
        } else {
          at = type(text, at, word, random() < 0.03 ? BOLD : PLAIN);
        }
        typed++;
        stats.words++;
      }
    }
    return at;
  };
  const revise = () => {
    const text = paragraphs[Math.floor(random() * paragraphs.length)]!;
    const length = text.length;
    const choice = random();
    if (choice < 0.45) {
      type(text, between(random, 0, length), ` ${frenchSentence(random, between(random, 4, 10)).slice(0, -1)}`);
    } else if (choice < 0.7 && length > 50) {
      const start = between(random, 0, length - 41);
      doc.transact(() => text.delete(start, between(random, 10, 40)));
      stats.deletions++;
    } else if (choice < 0.9 && length > 50) {
      const start = between(random, 0, length - 31);
      doc.transact(() => text.delete(start, between(random, 5, 30)));
      stats.deletions++;
      type(text, start, frenchSentence(random, between(random, 3, 6)).slice(0, -1));
    } else if (length > 20) {
      const start = between(random, 0, length - 20);
      doc.transact(() => text.format(start, between(random, 5, 20), BOLD));
    }
  };

  let section = 0;
  while (stats.words < targetWords) {
    section++;
    doc.clientID = authors[section % authors.length]!;
    const heading = insertBlock('heading', body.length);
    type(heading, 0, `${section}. ${frenchSentence(random, between(random, 3, 6)).slice(0, -1)}`);
    for (let p = 0; p < PARAGRAPHS_PER_SECTION && stats.words < targetWords; p++) {
      const paragraph = insertBlock('paragraph', body.length);
      paragraphs.push(paragraph);
      typeParagraph(paragraph, 0, WORDS_PER_PARAGRAPH);
      if (random() < 0.15) revise();
      if (random() < 0.04 && body.length > 4) {
        // A paragraph added between two others, further up.
        const inserted = insertBlock('paragraph', between(random, 1, body.length - 1));
        paragraphs.push(inserted);
        typeParagraph(inserted, 0, between(random, 10, 30));
      }
    }
  }

  const finalUpdate = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
  let characters = 0;
  for (const text of paragraphs) characters += text.length;
  doc.destroy();
  return {
    updates,
    finalUpdate,
    stateVector,
    stats: {
      pages: options.pages,
      words: stats.words,
      characters,
      transactions: updates.length,
      keystrokes: stats.keystrokes,
      deletions: stats.deletions,
      updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
      finalBytes: finalUpdate.byteLength,
      authors: authors.length,
    },
  };
}
