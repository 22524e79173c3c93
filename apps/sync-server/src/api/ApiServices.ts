import type { ProseMirrorJSON } from '@canevas/core';
import type { AccessControl } from '../accounts/AccessControl.js';
import type { AuditRetryQueue } from '../accounts/AuditRetryQueue.js';
import type { AccountStore } from '../accounts/AccountStore.js';
import type { AuthService } from '../accounts/AuthService.js';
import type { DocumentBin } from '../bin/DocumentBin.js';
import type { PrivacyService } from '../accounts/PrivacyService.js';
import type { OidcClient } from '../oidc/OidcClient.js';
import type { PasswordResets } from '../accounts/PasswordResets.js';
import type { Mailer } from '../mail/Mailer.js';
import type { MailOutbox } from '../mail/MailOutbox.js';
import type { SyncTicketStore } from '../auth/SyncTicketStore.js';
import type { ReferentialCatalog } from '../plugins/ReferentialCatalog.js';
import type { EvidenceService } from '../review/EvidenceService.js';
import type { ReviewLayerService } from '../review/ReviewLayerService.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { SubmissionStore } from '../submissions/SubmissionStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';
import type { VersionRecorder } from '../versions/VersionRecorder.js';
import type { VersionService } from '../versions/VersionService.js';
import type { VersionStore } from '../versions/VersionStore.js';

/** Returns the initial content of a template, or undefined when the pair is unknown. */
export type TemplateResolver = (referentialId: string, templateId: string) => ProseMirrorJSON | undefined;

/** What the procedures need from the server, gathered so tests and later issues can extend it. */
export interface ApiServices {
  store: DocumentStore;
  engine: SyncEngine;
  version: string;
  /** Several instances: this one's name and whether Redis relays now (`health`). */
  instance?: () => { instance: string; redis: 'ok' | 'unavailable' };
  /** Overrides the Host-derived sync URL (e.g. https://canevas.example.org behind a proxy). */
  publicUrl: string | undefined;
  resolveTemplate: TemplateResolver | undefined;
  /** When given, an unknown referential id is refused at creation. */
  hasReferential: ((referentialId: string) => boolean) | undefined;
  accounts: AccountStore;
  submissions: SubmissionStore;
  /** The version history: stored versions, the recorder that takes them, restores. */
  versions: VersionStore;
  versionRecorder: VersionRecorder;
  versionService: VersionService;
  /** Deleted documents, until restored or purged. */
  bin: DocumentBin;
  auth: AuthService;
  privacy: PrivacyService;
  access: AccessControl;
  tickets: SyncTicketStore;
  /** Access-log entries for openings: kept and retried while the store refuses writes. */
  openingsAudit: Pick<AuditRetryQueue, 'record'>;
  /** Reverse proxies in front of the server, for the client address behind them. */
  trustedProxies: number;
  /** Extra origins allowed for cookie-authenticated calls, besides the Host and PUBLIC_URL. */
  allowedOrigins: readonly string[];
  /** Called after a role change or removal so open connections follow at once. */
  onAccessChanged: () => void;
  /** The referentials loaded at start (empty when the server was given none). */
  referentials: ReferentialCatalog;
  evidence: EvidenceService;
  reviewLayer: ReviewLayerService;
  /** Limits of the instance, enforced in the transaction that creates. */
  quotas: { maxDocumentsPerWorkspace: number; maxWorkspacesPerUser: number };
  /** Undefined without SMTP_URL: no mail is sent. */
  mailer: Mailer | undefined;
  /** For administrators: what waits to be sent. */
  mailOutbox: MailOutbox;
  passwordResets: PasswordResets;
  /** How people sign in: single sign-on through an OpenID provider, and whether passwords still work. */
  signIn: { passwordLogin: boolean; singleSignOn: { label: string; client: OidcClient } | undefined };
}
