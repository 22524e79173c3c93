import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { isEditorSafeHref } from '../links/safeHref.js';
import { DOCUMENT_FIELD } from './documentField.js';
import { SectionHeading } from './sectionHeading.js';
import { TypedTable, TypedTableCell, TypedTableRow } from './typedTable.js';

export { DOCUMENT_FIELD };

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
      // TipTap's own check also lets ftp:, tel:, sms:… through. Ours refuses every scheme but
      // http, https and mailto when a link is pasted, typed, set or rendered: a refused link is
      // not parsed from pasted HTML (its text stays) and renders with an empty href.
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], isAllowedUri: isEditorSafeHref },
    }),
    SectionHeading,
    TypedTable,
    TypedTableRow,
    TypedTableCell,
  ];
}
