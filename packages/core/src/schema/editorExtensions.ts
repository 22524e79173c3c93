import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { SectionHeading } from './sectionHeading.js';
import { TypedTable, TypedTableCell, TypedTableRow } from './typedTable.js';

/** The Y.XmlFragment that holds a document's body (TipTap's default field). */
export const DOCUMENT_FIELD = 'default';

/**
 * The editor extensions that define the document schema. The browser, the server (templates,
 * export) and the tests must all use this same list: y-prosemirror deletes nodes that a
 * client's schema does not know, and that deletion replicates.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs carries the history; ProseMirror's own undo would fight it.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    SectionHeading,
    TypedTable,
    TypedTableRow,
    TypedTableCell,
  ];
}
