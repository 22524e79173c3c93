export { createServer, SERVER_VERSION, type CanevasServer, type CloseResult, type ServerOptions } from './createServer.js';
export type { AppRouter } from './api/router.js';
export type { DocumentSummary } from './api/documentsRouter.js';
export type { ReferentialProblem, ReferentialSummary } from './api/referentialsRouter.js';
export { loadReferentials, type LoadReferentialsOptions, type LoadedReferentials } from './plugins/loadReferentials.js';
export type { ReferentialCatalog } from './plugins/ReferentialCatalog.js';
export { PLUGIN_FIELD, WORKSPACE_PLUGINS_DIR } from './plugins/discoverCodePlugins.js';
export type { TemplateResolver } from './api/ApiServices.js';
export type { Principal } from './api/trpc.js';
// The wire contract is `@canevas/core`'s; re-exported for scripts that only depend on the server.
export { CloseCode, DOCUMENT_ID_PATTERN, MESSAGE_PERSISTED, MESSAGE_STORAGE_STATUS, isValidDocumentId, type SyncTarget } from '@canevas/core';
export { newDocumentId } from './documentId.js';
export { newId } from './newId.js';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger.js';
export type {
  DocumentMetadata,
  DocumentStore,
  NewDocument,
  PendingUpdate,
  QuarantineRecord,
  StoredDocument,
  StoredUpdate,
} from './store/DocumentStore.js';
export { SqliteDocumentStore, type SqliteSynchronous } from './store/SqliteDocumentStore.js';
export { databaseUrlOf, openStores } from './store/openStores.js';
export { DatabaseInUseError, DataFolderBusyError, MissingDatabaseError, StoresUnavailableError, type BackupReport, type Stores, type StoresConfig, type StoresRole } from './store/Stores.js';
export type { Submission, SubmissionStore, SubmissionWithState } from './submissions/SubmissionStore.js';
export type { NewVersion, Version, VersionKind, VersionStore, VersionWithState } from './versions/VersionStore.js';
export type { VersionPerson, VersionSummary } from './api/versionsRouter.js';
export { computeRestoration, type Restoration } from './versions/computeRestoration.js';
export { ERASED_AUTHOR, ERASED_REFERENCE, type PrivacyStore } from './accounts/PrivacyStore.js';
export { openPostgresStores, type PostgresStoresConfig } from './store/openPostgresStores.js';
export { storageFaultKind } from './store/storageFaultKind.js';
export { QuotaExceededError } from './store/quotas.js';
export type { FanOut, FanOutListener, OriginUpdate, RoomPeer } from './sync/FanOut.js';
export { InProcessFanOut } from './sync/InProcessFanOut.js';
export { RedisFanOut } from './sync/RedisFanOut.js';
export type { SyncEngine, SyncEngineStats } from './sync/SyncEngine.js';
export { messageAwareness, messageQueryAwareness, messageSync } from './sync/syncMessages.js';
export {
  ROLES,
  ROLE_LABELS,
  DuplicateEmailError,
  type AccountStore,
  type AuditEntry,
  type AuditFilter,
  type Invitation,
  type Membership,
  type Role,
  type User,
  type Workspace,
} from './accounts/AccountStore.js';
export { SqliteAccountStore } from './accounts/SqliteAccountStore.js';
export { AuthError, AuthService, API_TOKEN_PREFIX, SESSION_COOKIE } from './accounts/AuthService.js';
export type { AccountSummary } from './api/authRouter.js';
export type { ApiTokenSummary } from './api/tokensRouter.js';
export type { InvitationSummary, MemberSummary, WorkspaceSummary } from './api/workspacesRouter.js';
export type { OidcOptions } from './oidc/OidcOptions.js';
// For programs that run the compiled server in their own process (the bench): stack traces in the TypeScript sources.
export { mapCompiledStackTraces } from './compiledStackTraces.js';
