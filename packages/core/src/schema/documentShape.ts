import { documentSchema } from './documentContent.js';
import { DOCUMENT_FIELD } from './editorExtensions.js';

/**
 * How deep XML elements may nest in a document body. Real documents stay far below (a list
 * nested ten times is about 20 levels); thousands of levels overflow the stack of recursive
 * readers (ProseMirror, y-prosemirror, PDF layout). The sync server refuses an update that would
 * nest deeper, and readers flatten what lies deeper in data stored before that check.
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** What the Yjs form of a document body may hold, derived from the shared ProseMirror schema. */
export interface DocumentShape {
  /** The only root of a content doc: the Y.XmlFragment holding the body. */
  readonly field: string;
  /** XML element names (ProseMirror nodes other than `doc` and `text`) and their attributes. */
  readonly elements: ReadonlyMap<string, ReadonlySet<string>>;
  /** Mark names, as Y.XmlText formatting attributes carry them (see {@link markNameOfFormat}). */
  readonly marks: ReadonlySet<string>;
}

let cachedShape: DocumentShape | undefined;

/** The shape of {@link documentSchema}, computed once. */
export function documentShape(): DocumentShape {
  if (cachedShape) return cachedShape;
  const schema = documentSchema();
  const elements = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    // The doc is the fragment itself, and text lives in Y.XmlText: neither is an element.
    if (type === schema.topNodeType || type.isText) continue;
    elements.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  cachedShape = { field: DOCUMENT_FIELD, elements, marks: new Set(Object.keys(schema.marks)) };
  return cachedShape;
}

/** y-prosemirror suffixes the attribute of a mark that may overlap itself with `--` and a hash. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark a Y.XmlText formatting attribute stands for (y-prosemirror's `yattr2markname`). */
export function markNameOfFormat(key: string): string {
  return HASHED_MARK.exec(key)?.[1] ?? key;
}
