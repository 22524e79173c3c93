/**
 * The Y.XmlFragment that holds a document's body (TipTap's default field). A module of its own:
 * the sync server reads it without loading TipTap (docs/adr/0013-compiled-server.md).
 */
export const DOCUMENT_FIELD = 'default';
