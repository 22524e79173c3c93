// The editor's schema (TipTap, ProseMirror) is exported by `@canevas/core/editor` (src/editor.ts):
// what imports this entry, the sync server at start among others, does not load TipTap.
export { DOCUMENT_FIELD } from './schema/documentField.js';
export { isEditorSafeHref, safeHref } from './links/safeHref.js';
export type { TypedTableColumn, TypedTableKind } from './schema/typedTable.js';
export { templateToProseMirrorJSON, type TemplateLike } from './schema/templateToProseMirrorJSON.js';
export type { ProseMirrorJSON } from './schema/documentContent.js';
export { MAX_DOCUMENT_DEPTH, documentShape, markNameOfFormat, type DocumentShape } from './schema/documentShape.js';
export {
  readDocumentBody,
  unreadableContentNote,
  withUnreadableNote,
  yDocToProseMirrorJSON,
  type DocumentBody,
} from './schema/readDocumentBody.js';
export { CloseCode } from './wire/closeCodes.js';
export { MESSAGE_PERSISTED, encodePersisted, readPersistedBody } from './wire/persisted.js';
export {
  DOCUMENT_ID_PATTERN,
  isValidDocumentId,
  parseRoomName,
  reviewRoomOf,
  roomNameOf,
  type ParsedRoom,
  type RoomLayer,
} from './wire/roomName.js';
export {
  MESSAGE_STORAGE_STATUS,
  STORAGE_STATUS_KINDS,
  decodeStorageStatusPayload,
  encodeStorageStatus,
  storageStatusKind,
  type StorageFaultKind,
  type StorageStatus,
  type StorageStatusKind,
} from './wire/storageStatus.js';
export type { SyncTarget } from './wire/SyncTarget.js';
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
export {
  formatPath,
  validateManifest,
  type ManifestError,
  type ManifestValidation,
} from './referential/validateManifest.js';
export type { Anchor, TextQuote } from './anchors/Anchor.js';
export type { EvidenceLink, EvidenceStatus } from './review/EvidenceLink.js';
export type { Assessment } from './review/Assessment.js';
export { evaluateCompleteness, type CompletenessInput } from './completeness/evaluateCompleteness.js';
export {
  completenessInputs,
  readReviewState,
  type CompletenessReferential,
  type CompletenessSources,
  type ReviewState,
} from './completeness/completenessInputs.js';
export {
  assessmentVerdict,
  completenessWording,
  decisionRuleText,
  evidenceWording,
  OUTCOME_ICONS,
  SEVERITY_LABELS,
  statusWording,
  type CompletenessWording,
  type CriterionWording,
  type StatusWording,
} from './completeness/completenessWording.js';
export { isProficient, levelLabel, NOT_ASSESSED, requiredLevel, scaleOf } from './review/assessmentScale.js';
export type {
  CompletenessReport,
  CriterionAssessment,
  CriterionReport,
  CriterionStatus,
  Decision,
  DecisionOutcome,
  MissingItem,
  SectionSummary,
  Severity,
} from './completeness/CompletenessReport.js';
export { completenessTree, type CompletenessTreeNode } from './completeness/completenessTree.js';
export {
  extractOutline,
  type DocumentOutline,
  type OutlineSection,
  type OutlineTable,
} from './completeness/documentOutline.js';
export type { CustomRule, RuleContext, RuleFunction, RuleOutcome } from './completeness/RuleFunction.js';
export { defineRuleFunctions, readPluginRules, type PluginRules } from './completeness/defineRuleFunctions.js';
export { countWords, WordCounter } from './completeness/countWords.js';
export { formatEuros, parseFrenchAmount } from './completeness/parseFrenchAmount.js';
export { normalizeText } from './completeness/normalizeText.js';
export { DISPLAY_NAME_MAX_LENGTH, PRESENCE_COLORS, displayNameProblem, memberPresenceColor, presenceColor, type MemberSince, type PresenceUser } from './presence/presenceUser.js';
export type { CellError, CellValue, ComputedRow, RawRow, RawTable, TypedRow, TypedTableData } from './tables/TableModel.js';
export { dayNumber, daysInMonth, formatFrenchDate, parseFrenchDate, todayIso, type DateParse } from './tables/parseFrenchDate.js';
export { parseFrenchNumber, parseFrenchPercent, parseQuantity, type Quantity } from './tables/parseFrenchNumber.js';
export { matchEnum, readCell } from './tables/readCell.js';
export { columnsFromAttribute, rawTableFromJSON, typedTablesOf } from './tables/rawTableFromJSON.js';
export { rawTableFromYXml } from './tables/rawTableFromYXml.js';
export { readTypedTable } from './tables/readTypedTable.js';
export { budgetNature, summarizeBudget, type BudgetGroupTotal, type BudgetNature, type BudgetSummary } from './tables/summarizeBudget.js';
export { summarizeActionPlan, type ActionItem, type ActionPlanSummary, type PhaseGroup } from './tables/summarizeActionPlan.js';
export { summarizeStakeholders, type Stakeholder, type StakeholderSummary } from './tables/summarizeStakeholders.js';
export { summarizeIndicators, type IndicatorItem } from './tables/summarizeIndicators.js';
export { computedRows } from './tables/computedRows.js';
export { CORE_API_VERSION } from './coreApiVersion.js';
export {
  ReferentialRegistry,
  type ReferentialSource,
  type RegistrationResult,
  type RegistryProblem,
} from './registry/ReferentialRegistry.js';
export { QUOTE_CONTEXT, QUOTE_EXACT_MAX, quoteSelector } from './anchors/quoteSelector.js';
export { base64ToBytes, bytesToBase64, decodeRelPos, encodeRelPos } from './anchors/relativePositionCodec.js';
export { createAnchor } from './anchors/createAnchor.js';
export { resolveAnchor, resolveAnchors, type AnchorResolution } from './anchors/resolveAnchor.js';
export { anchorsRestoredByUndo } from './anchors/anchorsRestoredByUndo.js';
export { flattenDocument, type FlatDocument, type TextSegment } from './anchors/flattenDocument.js';
export {
  REVIEW_EVIDENCE_MAP,
  deleteEvidenceLink,
  evidenceMap,
  putEvidenceLinks,
  readEvidenceLinks,
  resolveEvidenceLinks,
  type ResolvedEvidenceLink,
  type StoredEvidenceLink,
} from './review/reviewDocument.js';
export {
  REVIEW_THREADS_MAP,
  putThread,
  readThreads,
  threadsMap,
  type StoredComment,
  type StoredThread,
} from './review/reviewThreads.js';
export {
  REVIEW_ASSESSMENTS_MAP,
  assessmentsMap,
  readAssessments,
  recordAssessment,
  type AssessmentChange,
  type StoredAssessment,
} from './review/reviewAssessments.js';
export { ANONYMOUS_PROCEDURES, MAX_BATCH_CALLS } from './api/batchRules.js';
export {
  SINGLE_SIGN_ON_FAILURES,
  SSO_CALLBACK_PATH,
  SSO_FAILURE_PARAM,
  SSO_LOGGED_OUT_PATH,
  SSO_LOGIN_PATH,
  singleSignOnFailureMessage,
  type SingleSignOnFailure,
} from './accounts/singleSignOn.js';
