// `@canevas/core/editor`: the editor's schema, TipTap and ProseMirror included (about 30 MiB in a
// Node process). Apart from the main entry so that the sync server loads it on first use only:
// a document made from a template, the demo seed (docs/adr/0013-compiled-server.md).
export { editorExtensions } from './schema/editorExtensions.js';
export { SectionHeading } from './schema/sectionHeading.js';
export { TypedTable, TypedTableCell, TypedTableRow } from './schema/typedTable.js';
export { documentSchema, proseMirrorJSONToUpdate } from './schema/documentContent.js';
