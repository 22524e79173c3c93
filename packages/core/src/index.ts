export { DOCUMENT_FIELD, editorExtensions } from './schema/editorExtensions.js';
export {
  documentSchema,
  proseMirrorJSONToUpdate,
  yDocToProseMirrorJSON,
  type ProseMirrorJSON,
} from './schema/documentContent.js';
