import * as Y from 'yjs';
import { MAX_DOCUMENT_DEPTH, documentShape } from '../schema/documentShape.js';

/** An XmlText run of the document: where it starts in the plain text and in ProseMirror. */
export interface TextSegment {
  type: Y.XmlText;
  textStart: number;
  pmStart: number;
  length: number;
}

/** The plain text of a document and where each of its Yjs parts lies in it. */
export interface FlatDocument {
  text: string;
  segments: TextSegment[];
  segmentOf: Map<Y.XmlText, TextSegment>;
  /** For each element: text and ProseMirror offsets before each child index (length + 1). */
  boundaries: Map<Y.AbstractType<unknown>, { text: number[]; pm: number[] }>;
}

function plainText(type: Y.XmlText): string {
  let out = '';
  for (const op of type.toDelta() as { insert: unknown }[]) {
    out += typeof op.insert === 'string' ? op.insert : '\ufffc';
  }
  return out;
}

/**
 * Walks a Y.XmlFragment as y-prosemirror lays out ProseMirror nodes (one XmlElement per node,
 * one XmlText per run of text), counting ProseMirror positions the way ProseMirror does: a
 * non-leaf node opens and closes (1 each), a leaf counts 1, a character 1. Textblocks are
 * separated by « \n » in the plain text.
 */
export function flattenDocument(fragment: Y.XmlFragment): FlatDocument {
  const { leaves } = documentShape();
  let text = '';
  let pm = 0;
  const segments: TextSegment[] = [];
  const segmentOf = new Map<Y.XmlText, TextSegment>();
  const boundaries: FlatDocument['boundaries'] = new Map();

  const walk = (type: Y.XmlFragment | Y.XmlElement, depth: number) => {
    const children = type.toArray();
    const textAt: number[] = [];
    const pmAt: number[] = [];
    boundaries.set(type as Y.AbstractType<unknown>, { text: textAt, pm: pmAt });
    children.forEach((child) => {
      textAt.push(text.length);
      pmAt.push(pm);
      if (child instanceof Y.XmlText) {
        const value = plainText(child);
        const segment = { type: child, textStart: text.length, pmStart: pm, length: child.length };
        segments.push(segment);
        segmentOf.set(child, segment);
        text += value;
        pm += child.length;
      } else if (child instanceof Y.XmlElement) {
        if (leaves.has(child.nodeName)) {
          if (child.nodeName === 'hardBreak') text += '\n';
          pm += 1;
          return;
        }
        if (text.length > 0 && !text.endsWith('\n')) text += '\n';
        pm += 1;
        // Deeper than the sync server lets anything nest (old data): no editor shows it, and
        // walking thousands of levels would overflow the stack.
        if (depth < MAX_DOCUMENT_DEPTH) walk(child, depth + 1);
        pm += 1;
      }
    });
    textAt.push(text.length);
    pmAt.push(pm);
  };
  walk(fragment, 0);
  return { text, segments, segmentOf, boundaries };
}
