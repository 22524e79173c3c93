export { DOCUMENT_FIELD, editorExtensions } from './schema/editorExtensions.js';
export { SectionHeading } from './schema/sectionHeading.js';
export {
  TypedTable,
  TypedTableCell,
  TypedTableRow,
  type TypedTableColumn,
  type TypedTableKind,
} from './schema/typedTable.js';
export { templateToProseMirrorJSON, type TemplateLike } from './schema/templateToProseMirrorJSON.js';
export {
  documentSchema,
  proseMirrorJSONToUpdate,
  yDocToProseMirrorJSON,
  type ProseMirrorJSON,
} from './schema/documentContent.js';
export { defineReferential } from './referential/defineReferential.js';
export {
  manifestSchema,
  type CompletenessRule,
  type DecisionRule,
  type Modality,
  type NodeType,
  type Policy,
  type ReferentialManifest,
  type ReferentialManifestInput,
  type ReferentialNode,
  type Scale,
  type TableColumn,
  type Template,
  type TemplateSection,
  type TemplateTable,
} from './referential/manifestSchema.js';
export {
  ACTION_STATUSES,
  FUNDING_SOURCES,
  INVOLVEMENT_LEVELS,
  tablePresets,
} from './referential/tablePresets.js';
