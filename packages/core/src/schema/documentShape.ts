import { DOCUMENT_FIELD } from './documentField.js';

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
  /** Elements that hold nothing (ProseMirror's leaf nodes): one position each. */
  readonly leaves: ReadonlySet<string>;
}

/**
 * The shape of {@link documentSchema}, written out: the sync server checks every update against
 * it, and deriving it would load TipTap and ProseMirror (about 30 MiB) into a server that has no
 * other use for them until a document is created from a template or exported. The unit test
 * `documentShape.test.ts` derives it from the schema and fails on any difference: change both.
 */
const SHAPE: DocumentShape = {
  field: DOCUMENT_FIELD,
  elements: new Map<string, ReadonlySet<string>>([
    ['paragraph', new Set()],
    ['blockquote', new Set()],
    ['bulletList', new Set()],
    ['codeBlock', new Set(['language'])],
    ['hardBreak', new Set()],
    ['heading', new Set(['sectionId', 'level'])],
    ['horizontalRule', new Set()],
    ['listItem', new Set()],
    ['orderedList', new Set(['start', 'type'])],
    ['typedTable', new Set(['kind', 'columns', 'sectionId'])],
    ['typedTableRow', new Set()],
    ['typedTableCell', new Set(['column'])],
  ]),
  marks: new Set(['link', 'bold', 'code', 'italic', 'strike', 'underline']),
  leaves: new Set(['hardBreak', 'horizontalRule']),
};

/** What a document body may hold (see {@link SHAPE}). */
export function documentShape(): DocumentShape {
  return SHAPE;
}

/** y-prosemirror suffixes the attribute of a mark that may overlap itself with `--` and a hash. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark a Y.XmlText formatting attribute stands for (y-prosemirror's `yattr2markname`). */
export function markNameOfFormat(key: string): string {
  return HASHED_MARK.exec(key)?.[1] ?? key;
}
