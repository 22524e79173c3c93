import * as Y from 'yjs';
import type { ProseMirrorJSON } from './documentContent.js';
import { MAX_DOCUMENT_DEPTH, documentShape, markNameOfFormat } from './documentShape.js';
import { DOCUMENT_FIELD } from './documentField.js';

/** A document body read as ProseMirror JSON, and how many parts of it could not be read. */
export interface DocumentBody {
  content: ProseMirrorJSON;
  /**
   * Parts skipped or flattened: a body typed other than a Y.XmlFragment, values that are not
   * elements or text, elements, marks and attributes the schema does not know (skipped), and
   * elements nested deeper than MAX_DOCUMENT_DEPTH (kept as one paragraph of their text).
   */
  unreadable: number;
}

/**
 * Reads a document body for export, submissions and completeness. Unlike y-prosemirror's reader
 * it never throws and never recurses deeper than MAX_DOCUMENT_DEPTH: data stored before the sync
 * server checked shapes (or written around it) may hold anything, and every reader must survive
 * it and say so rather than fail.
 */
export function readDocumentBody(ydoc: Y.Doc): DocumentBody {
  const reader = new BodyReader();
  let body: Y.XmlFragment | undefined;
  const shared = ydoc.share.get(DOCUMENT_FIELD);
  if (shared) {
    try {
      body = ydoc.getXmlFragment(DOCUMENT_FIELD);
    } catch {
      // Already read in this doc as another type: none of it is a body.
      reader.unreadable += Math.max(1, shared._length);
    }
  }
  // Attributes on the body: the root written as a Y.Map.
  if (body) for (const item of body._map.values()) if (!item.deleted) reader.unreadable++;
  const content = body ? reader.children(body, 0, true) : [];
  return { content: { type: 'doc', content }, unreadable: reader.unreadable };
}

/**
 * Reads a document's body as ProseMirror JSON, leaving out what the schema cannot read (see
 * {@link readDocumentBody}, which also counts it); never throws, whatever the stored data.
 */
export function yDocToProseMirrorJSON(ydoc: Y.Doc): ProseMirrorJSON {
  return readDocumentBody(ydoc).content;
}

/** The note an export or a submitted version shows at the top of a body it could not fully read. */
export function unreadableContentNote(unreadable: number): string {
  return (
    `Contenu illisible ignoré : ${unreadable} ${unreadable > 1 ? 'parties' : 'partie'} de ce document ` +
    'ne suivent pas le schéma de l’éditeur (données anciennes ou écrites hors de l’éditeur). ' +
    'Elles restent enregistrées telles quelles.'
  );
}

/** The body, with the note as its first paragraph when something was left out. */
export function withUnreadableNote({ content, unreadable }: DocumentBody): ProseMirrorJSON {
  if (unreadable === 0) return content;
  const note: ProseMirrorJSON = { type: 'paragraph', content: [{ type: 'text', text: unreadableContentNote(unreadable), marks: [{ type: 'italic' }] }] };
  return { ...content, content: [note, ...(content.content ?? [])] };
}

class BodyReader {
  unreadable = 0;
  private readonly shape = documentShape();

  /** The children of `parent` (at `depth` elements from the body); text at the top is wrapped. */
  children(parent: Y.XmlFragment, depth: number, top = false): ProseMirrorJSON[] {
    const out: ProseMirrorJSON[] = [];
    for (const child of parent.toArray() as unknown[]) {
      if (child instanceof Y.XmlText) {
        const runs = this.text(child);
        if (top) {
          if (runs.length > 0) out.push({ type: 'paragraph', content: runs });
        } else {
          out.push(...runs);
        }
      } else if (child instanceof Y.XmlElement) {
        const node = this.element(child, depth + 1);
        if (node) out.push(node);
      } else {
        this.unreadable++;
      }
    }
    return out;
  }

  private element(element: Y.XmlElement, depth: number): ProseMirrorJSON | undefined {
    const attributes = this.shape.elements.get(element.nodeName);
    if (!attributes) {
      this.unreadable++;
      return undefined;
    }
    if (depth > MAX_DOCUMENT_DEPTH) {
      this.unreadable++;
      const text = flatText(element);
      return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : undefined;
    }
    const node: ProseMirrorJSON = { type: element.nodeName };
    const stored = element.getAttributes() as Record<string, unknown>;
    const attrs: Record<string, unknown> = {};
    for (const key of Object.keys(stored)) {
      if (attributes.has(key)) attrs[key] = stored[key];
      else this.unreadable++;
    }
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const content = this.children(element, depth);
    if (content.length > 0) node.content = content;
    return node;
  }

  private text(text: Y.XmlText): ProseMirrorJSON[] {
    const runs: ProseMirrorJSON[] = [];
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== 'string') {
        this.unreadable++;
        continue;
      }
      if (op.insert === '') continue;
      const run: ProseMirrorJSON = { type: 'text', text: op.insert };
      const marks: NonNullable<ProseMirrorJSON['marks']> = [];
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const type = markNameOfFormat(key);
        if (!this.shape.marks.has(type)) {
          this.unreadable++;
          continue;
        }
        const attrs = value !== null && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
        marks.push(attrs ? { type, attrs } : { type });
      }
      if (marks.length > 0) run.marks = marks;
      runs.push(run);
    }
    return runs;
  }
}

/** All the text under an element, blocks separated by spaces; iterative, whatever the depth. */
function flatText(element: Y.XmlElement): string {
  const parts: string[] = [];
  const stack: unknown[] = [element];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') parts.push(op.insert);
    } else if (node instanceof Y.XmlElement) {
      const children = node.toArray();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      parts.push(' ');
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
