import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ReferentialRegistry, templateToProseMirrorJSON } from '@canevas/core';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { AccessControl } from './accounts/AccessControl.js';
import type { AccountStore } from './accounts/AccountStore.js';
import { AuditRetryQueue } from './accounts/AuditRetryQueue.js';
import { AuthService } from './accounts/AuthService.js';
import { DocumentBin } from './bin/DocumentBin.js';
import { exportAuthorizer } from './accounts/exportAuthorizer.js';
import { syncAuthorizer } from './accounts/syncAuthorizer.js';
import { PrivacyService } from './accounts/PrivacyService.js';
import { PasswordResets } from './accounts/PasswordResets.js';
import type { Mailer } from './mail/Mailer.js';
import { MailWorker, type MailRetry } from './mail/MailWorker.js';
import { smtpTransport } from './mail/SmtpTransport.js';
import { OidcClient } from './oidc/OidcClient.js';
import { DEFAULT_OIDC_LABEL, type OidcOptions } from './oidc/OidcOptions.js';
import { OidcSignIn } from './oidc/OidcSignIn.js';
import { createSingleSignOnHandler } from './oidc/singleSignOnHandler.js';
import { ReviewLayerService } from './review/ReviewLayerService.js';
import type { TemplateResolver } from './api/ApiServices.js';
import { appRouter } from './api/router.js';
import { createContextFactory } from './api/trpc.js';
import { PasswordHashGate } from './auth/PasswordHashGate.js';
import { SyncTicketStore } from './auth/SyncTicketStore.js';
import { createExportHandler, type ExportLimits } from './export/exportHttpHandler.js';
import { storeExportSource } from './export/ExportSource.js';
import { routeRequests } from './http/routeRequests.js';
import { createStaticHandler } from './http/staticFiles.js';
import { createLogger, type Logger } from './logger.js';
import type { ReferentialCatalog } from './plugins/ReferentialCatalog.js';
import { EvidenceService } from './review/EvidenceService.js';
import type { DocumentStore } from './store/DocumentStore.js';
import { DEFAULT_MAX_DOCUMENTS_PER_WORKSPACE, DEFAULT_MAX_WORKSPACES_PER_USER } from './store/quotas.js';
import type { SqliteSynchronous } from './store/SqliteDocumentStore.js';
import { openStores } from './store/openStores.js';
import type { Stores } from './store/Stores.js';
import type { FanOut } from './sync/FanOut.js';
import { InProcessFanOut } from './sync/InProcessFanOut.js';
import { RedisFanOut } from './sync/RedisFanOut.js';
import type { AwarenessRateLimitOptions } from './sync/AwarenessRateLimit.js';
import { SocketGateway } from './sync/SocketGateway.js';
import { SyncEngine, type SyncEngineStats } from './sync/SyncEngine.js';
import { currentContentState } from './versions/currentContentState.js';
import type { CapturePolicy } from './versions/EditBursts.js';
import type { RetentionPolicy } from './versions/thinVersions.js';
import { VersionRecorder } from './versions/VersionRecorder.js';
import { VersionService } from './versions/VersionService.js';

export const MIB = 1024 * 1024;
export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * MIB;
/** Request line and headers together; larger → 431 (Node's own default, made explicit). */
export const MAX_HEADER_SIZE = 16 * 1024;

export interface ServerOptions {
  /**
   * The data folder: the stores are opened there (`openStores`, as a server: SQLite's
   * `canevas.sqlite`, its update log and the folder's lock). Required unless `stores` is given.
   */
  dataDir?: string;
  /** `postgres://…`: the stores are opened in PostgreSQL rather than in `dataDir` (see openStores). */
  databaseUrl?: string;
  /** Ready stores (the serve command, tests); the server closes them on shutdown. */
  stores?: Stores;
  fanOut?: FanOut;
  /**
   * `redis://…` (`REDIS_URL`): several instances share the PostgreSQL store, and committed
   * updates and awareness cross between them through Redis (RedisFanOut). Ignored when `fanOut`
   * is given. See docs/adr/0010-several-instances.md.
   */
  redisUrl?: string;
  /** Names this instance in `health` when several run (`INSTANCE_NAME`; the logger names it in logs). */
  instanceName?: string;
  /** 0 picks a free port (tests). Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Public base URL (https://canevas.example.org) used for the sync URL behind a proxy. */
  publicUrl?: string;
  /** Largest WebSocket frame; larger ones close the connection with 1009. Default 4 MiB. */
  maxPayload?: number;
  /** Largest tRPC request body; larger ones get HTTP 413. Default 1 MiB. */
  maxBodySize?: number;
  /** Default NORMAL (survives a process crash); FULL also survives power loss. */
  sqliteSynchronous?: SqliteSynchronous;
  /** Log rows before a document is folded into its snapshot. Default 500 (see SyncEngine). */
  foldThreshold?: number;
  /** Delay before the short log of a document nobody has open is folded. Default 30 s. */
  idleFoldDelayMs?: number;
  /**
   * Largest size of the update log files (`canevas.sqlite-log/`); past it, edits wait in memory
   * as on a full disk until folding frees room. Default: no limit but the disk's.
   */
  updateLogQuotaBytes?: number;
  /**
   * The most bytes a document's encoded state may take; an update past it is refused before it
   * is stored, and the editor says why. Default 16 MiB ({@link DEFAULT_MAX_DOCUMENT_BYTES}).
   */
  maxDocumentBytes?: number;
  /**
   * Roots a content doc may hold besides the body (`default`), left unchecked: for tests and
   * tools that sync a plain Y.Text. None by default: an update creating any other root, or
   * anything the shared schema cannot read in the body, is refused (4400).
   */
  extraContentRoots?: readonly string[];
  /** Folder of the built web app, served with an SPA fallback when given. */
  webRoot?: string;
  /**
   * The referentials (see `loadReferentials`): templates for new documents, criteria for
   * evidence links, `referentials.*` in the API. None by default.
   */
  referentials?: ReferentialCatalog;
  /** Overrides the template lookup derived from `referentials`. */
  resolveTemplate?: TemplateResolver;
  /** Overrides the referential check derived from `referentials`. */
  hasReferential?: (referentialId: string) => boolean;
  logger?: Logger;
  /** Interval of the WebSocket liveness ping. Default 30 s. */
  pingIntervalMs?: number;
  /** Reverse proxies in front of the server (X-Forwarded-For hops to trust). Default 0. */
  trustedProxies?: number;
  /** Origins allowed besides the request's Host and PUBLIC_URL (cookie-authenticated calls). */
  allowedOrigins?: readonly string[];
  /**
   * How often open connections are checked against current roles, so that a change made by
   * another process (the CLI) applies within seconds. Default 2 s.
   */
  accessRefreshMs?: number;
  /** Time a client may take to send a request's headers (slowloris); then 408 and close. Default 20 s. */
  headersTimeoutMs?: number;
  /** Time a client may take to send a whole request, body included; then 408 and close. Default 60 s. */
  requestTimeoutMs?: number;
  /** Password checks (`auth.logIn`, `auth.signUp`: scrypt) running or waiting per client address; more get 429. Default 2. */
  maxPasswordChecksPerAddress?: number;
  /** Password hashes running at once in the process, below libuv's 4 threads so file reads still get one. Default 2. */
  maxConcurrentPasswordHashes?: number;
  /** Password hashes waiting for a slot; more get 429 at once. Default 32. */
  maxQueuedPasswordHashes?: number;
  /** Lifetime of a new API token when none is given, in days (`API_TOKEN_DAYS`). Default 90. */
  apiTokenDays?: number;
  /** Documents one workspace may hold; creating more is refused (`MAX_DOCUMENTS_PER_WORKSPACE`). Default 1000. */
  maxDocumentsPerWorkspace?: number;
  /** Workspaces one user may own; creating more is refused (`MAX_WORKSPACES_PER_USER`). Default 50. */
  maxWorkspacesPerUser?: number;
  /**
   * Sync upgrades being authorized at once; more get 503 at once, so that a flood of
   * unauthenticated upgrades cannot queue up work against the database. Default 64.
   */
  maxPendingUpgrades?: number;
  /**
   * Awareness (presence) each sync connection may send: 60 messages and 64 KiB a second, with
   * 2 s of burst, by default. Past it messages are dropped; a connection still over it after
   * 10 s is closed with 4429. See AwarenessRateLimit.
   */
  awarenessRateLimit?: AwarenessRateLimitOptions;
  /**
   * Exports (`/export/…`): in progress at once across every route (default 2), waiting beyond
   * that (default 6, then 429), heap of a render worker (default 512 MiB) and deadline of one
   * layout (default 60 s). See docs/security.md, « Limits and their defaults ».
   */
  exportLimits?: ExportLimits;
  /** Single sign-on through an OpenID provider (`OIDC_*`; see docs/adr/0011-single-sign-on.md). */
  oidc?: OidcOptions;
  /** `PASSWORD_LOGIN=0`: passwords no longer sign anyone in; needs `oidc`. Default true. */
  passwordLogin?: boolean;
  /**
   * When automatic versions are taken: after `idleMs` without an edit (default 3 min), and at
   * least every `maxBurstMs` of continuous editing (default 30 min). See docs/adr/0012.
   */
  versionCapture?: Partial<CapturePolicy>;
  /** How automatic versions are thinned (default: all for a day, hourly for a week, then daily). */
  versionRetention?: RetentionPolicy;
  /** How long a deleted document stays in the bin, restorable by its owners. Default 30 days. */
  binRetentionMs?: number;
  /** How often the bin is purged of what expired. Default hourly. */
  binPurgeIntervalMs?: number;
  /**
   * Mail (`SMTP_URL`, `MAIL_FROM`): sent from the durable outbox by a worker, links built on
   * `publicUrl` (else this server's own URL). Without it no mail is sent, and administrators are
   * told so. `retry` and `pollMs` tune the worker (see MailWorker).
   */
  mail?: { smtpUrl: string; from: string; retry?: MailRetry; pollMs?: number };
}

export interface CloseResult {
  /** Updates that could not be stored before exit (0 unless the store kept failing). */
  unstoredUpdates: number;
}

export interface CanevasServer {
  /** http://host:port */
  url: string;
  /** ws://host:port/sync, the base URL for WebsocketProvider. */
  syncUrl: string;
  port: number;
  stores: Stores;
  /** `stores.documents`. */
  store: DocumentStore;
  /** `stores.accounts`. */
  accounts: AccountStore;
  auth: AuthService;
  engine: SyncEngine;
  stats(): SyncEngineStats;
  /** Stops accepting, flushes pending writes, folds open docs, closes sockets (1001) and the store. */
  close(): Promise<CloseResult>;
}

export const SERVER_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export async function createServer(options: ServerOptions = {}): Promise<CanevasServer> {
  const logger = options.logger ?? createLogger();
  // First: a Redis that cannot be reached stops the start before any store is opened.
  const redis = options.fanOut || !options.redisUrl ? undefined : await RedisFanOut.connect({ url: options.redisUrl, logger });
  const fanOut = options.fanOut ?? redis ?? new InProcessFanOut();
  const instanceName = options.instanceName ?? redis?.instanceId;
  const stores = options.stores ?? (await openServerStores(options));
  const store = stores.documents;
  const maxPayload = options.maxPayload ?? 4 * MIB;
  const versionRecorder = new VersionRecorder({
    versions: stores.versions,
    readState: (docId) => currentContentState(engine, store, docId),
    logger,
    ...(options.versionCapture && { capture: options.versionCapture }),
    ...(options.versionRetention && { retention: options.versionRetention }),
  });
  const engine = new SyncEngine({
    store,
    fanOut,
    logger,
    ...(options.foldThreshold !== undefined && { foldThreshold: options.foldThreshold }),
    ...(options.idleFoldDelayMs !== undefined && { idleFoldDelayMs: options.idleFoldDelayMs }),
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    ...(options.extraContentRoots !== undefined && { extraContentRoots: options.extraContentRoots }),
    onContentEdited: (docId, editors) => versionRecorder.edited(docId, editors),
  });

  const bin = new DocumentBin({
    store,
    engine,
    logger,
    ...(options.binRetentionMs !== undefined && { retentionMs: options.binRetentionMs }),
    ...(options.binPurgeIntervalMs !== undefined && { purgeIntervalMs: options.binPurgeIntervalMs }),
  });
  const { accounts, submissions } = stores;
  const auth = new AuthService({
    accounts,
    hashGate: new PasswordHashGate({
      perAddress: options.maxPasswordChecksPerAddress ?? 2,
      maxConcurrent: options.maxConcurrentPasswordHashes ?? 2,
      maxQueued: options.maxQueuedPasswordHashes ?? 32,
    }),
    ...(options.apiTokenDays !== undefined && { apiTokenTtlMs: options.apiTokenDays * 24 * 3600_000 }),
  });
  const access = new AccessControl(accounts, store);
  const tickets = new SyncTicketStore({ store: stores.tickets });
  // Openings of a document or a submitted version are recorded even while the disk refuses writes.
  const openingsAudit = new AuditRetryQueue({ accounts, logger });
  const allowedOrigins = options.allowedOrigins ?? [];
  // The sockets of /sync/…: upgrade, authorization, early frames, ping, role refreshes, shutdown.
  const gateway = new SocketGateway({
    sessions: engine,
    authorizer: syncAuthorizer({ auth, access, accounts, store, tickets, openingsAudit, publicUrl: options.publicUrl, allowedOrigins }),
    logger,
    maxPayload,
    ...(options.maxPendingUpgrades !== undefined && { maxPendingUpgrades: options.maxPendingUpgrades }),
    ...(options.pingIntervalMs !== undefined && { pingIntervalMs: options.pingIntervalMs }),
    ...(options.accessRefreshMs !== undefined && { accessRefreshMs: options.accessRefreshMs }),
    ...(options.awarenessRateLimit && { awarenessRateLimit: options.awarenessRateLimit }),
  });
  const onAccessChanged = () => {
    gateway.accessChanged();
    // The other instances check their sockets at once too, not at their next periodic check.
    fanOut.publishAccessChanged();
  };
  fanOut.onAccessChanged(() => gateway.accessChanged());
  if (options.passwordLogin === false && !options.oidc) throw new Error('createServer: passwordLogin false needs oidc (nobody could sign in).');
  // Links in mail start with PUBLIC_URL, never with a request's Host header (a client chooses it).
  let linkBase = options.publicUrl?.replace(/\/+$/, '');
  const mailWorker =
    options.mail &&
    new MailWorker({
      outbox: stores.mailOutbox,
      transport: smtpTransport({ smtpUrl: options.mail.smtpUrl, from: options.mail.from, messageIdDomain: options.publicUrl ? new URL(options.publicUrl).hostname : 'canevas.invalid' }),
      logger,
      ...(options.mail.retry && { retry: options.mail.retry }),
      ...(options.mail.pollMs !== undefined && { pollMs: options.mail.pollMs }),
    });
  const mailer: Mailer | undefined = mailWorker && {
    get baseUrl() {
      return linkBase!;
    },
    committed: () => mailWorker.nudge(),
  };
  const passwordResets = new PasswordResets({ auth, mailer, logger });
  const oidcClient = options.oidc && new OidcClient(options.oidc);
  const singleSignOn =
    options.oidc && oidcClient
      ? createSingleSignOnHandler({
          client: oidcClient,
          signIn: new OidcSignIn({ accounts, allowedDomains: options.oidc.allowedDomains ?? [], trustEmail: options.oidc.trustEmail ?? false }),
          auth,
          logger,
          secure: options.publicUrl?.startsWith('https://') ?? false,
          trustedProxies: options.trustedProxies ?? 0,
        })
      : undefined;
  const referentials = options.referentials ?? { registry: new ReferentialRegistry(), problems: [] };
  const { registry } = referentials;
  const resolveTemplate: TemplateResolver | undefined =
    options.resolveTemplate ??
    (options.referentials
      ? (referentialId, templateId) => {
          const template = registry.template(referentialId, templateId);
          return template ? templateToProseMirrorJSON(template) : undefined;
        }
      : undefined);
  const hasReferential = options.hasReferential ?? (options.referentials ? (id: string) => registry.get(id) !== undefined : undefined);

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: options.maxBodySize ?? MIB,
    createContext: createContextFactory({
      store,
      engine,
      version: SERVER_VERSION,
      ...(redis && { instance: () => ({ instance: instanceName!, redis: redis.connected ? ('ok' as const) : ('unavailable' as const) }) }),
      publicUrl: options.publicUrl,
      resolveTemplate,
      hasReferential,
      referentials,
      evidence: new EvidenceService({ store, engine, referentials }),
      reviewLayer: new ReviewLayerService({ engine, referentials }),
      privacy: new PrivacyService({ stores, rooms: engine }),
      accounts,
      submissions,
      versions: stores.versions,
      versionRecorder,
      versionService: new VersionService({ recorder: versionRecorder, engine }),
      bin,
      auth,
      access,
      tickets,
      openingsAudit,
      trustedProxies: options.trustedProxies ?? 0,
      allowedOrigins,
      onAccessChanged,
      quotas: {
        maxDocumentsPerWorkspace: options.maxDocumentsPerWorkspace ?? DEFAULT_MAX_DOCUMENTS_PER_WORKSPACE,
        maxWorkspacesPerUser: options.maxWorkspacesPerUser ?? DEFAULT_MAX_WORKSPACES_PER_USER,
      },
      mailer,
      mailOutbox: stores.mailOutbox,
      passwordResets,
      signIn: {
        passwordLogin: options.passwordLogin ?? true,
        singleSignOn: oidcClient && { label: options.oidc?.label ?? DEFAULT_OIDC_LABEL, client: oidcClient },
      },
    }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger.error('api.error', { path, error: error.cause ?? error });
    },
  });
  const staticHandler = options.webRoot ? createStaticHandler(options.webRoot) : undefined;
  // Downloads (Word, PDF, Markdown, dossier) read open documents live, the others from the store.
  const exportHandler = createExportHandler({
    source: storeExportSource(store, (room) => engine.liveState(room)),
    referentials: registry,
    logger,
    authorize: exportAuthorizer({ auth, access, accounts, publicUrl: options.publicUrl, allowedOrigins }),
    ...(options.exportLimits !== undefined && { limits: options.exportLimits }),
  });

  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  // Node refuses a headers timeout above the request timeout.
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 20_000, requestTimeout);
  const httpOptions = {
    headersTimeout,
    requestTimeout,
    // Node checks both timeouts on this interval (30 s by default), so it bounds how late a cut comes.
    connectionsCheckingInterval: Math.max(10, Math.min(5000, Math.floor(headersTimeout / 4))),
    maxHeaderSize: MAX_HEADER_SIZE,
  };
  const httpServer = createHttpServer(
    httpOptions,
    routeRequests({ trpc: trpcHandler, exports: exportHandler, singleSignOn, staticFiles: staticHandler, publicUrl: options.publicUrl, logger }),
  );
  httpServer.on('upgrade', gateway.handleUpgrade);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    // Node's default backlog (511) overflows when a restart makes a thousand clients reconnect at
    // once: the kernel drops their handshakes, and on a busy loop some get ECONNRESET. The kernel
    // caps this at net.core.somaxconn.
    httpServer.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: 4096 }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;
  // Documents deleted more than the retention ago (while the server was stopped, too) go for good.
  bin.start();
  logger.info('server.listening', { url, webRoot: options.webRoot ?? null });
  linkBase ??= url;
  // Messages a previous run left in the outbox go first.
  mailWorker?.start();
  if (!mailWorker) logger.info('mail.disabled', { message: 'SMTP_URL absent : aucun e-mail n’est envoyé (réinitialisation de mot de passe, invitations par e-mail).' });

  let closed: Promise<CloseResult> | undefined;
  async function close(): Promise<CloseResult> {
    gateway.stop();
    await versionRecorder.close();
    await bin.stop();
    await exportHandler.close();
    const serverClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    const unstoredUpdates = await engine.shutdown();
    await gateway.closeSockets(1000);
    httpServer.closeAllConnections();
    await serverClosed;
    await fanOut.close();
    await openingsAudit.close();
    await passwordResets.settled();
    await mailWorker?.close();
    await stores.close();
    if (unstoredUpdates > 0) logger.error('server.unstored_updates', { unstoredUpdates });
    logger.info('server.closed', { unstoredUpdates });
    return { unstoredUpdates };
  }

  return {
    url,
    syncUrl: `ws://${hostForUrl}:${address.port}/sync`,
    port: address.port,
    stores,
    store,
    accounts,
    auth,
    engine,
    stats: () => engine.stats(),
    close: () => (closed ??= close()),
  };
}

function openServerStores(options: ServerOptions): Promise<Stores> {
  if (!options.dataDir) throw new Error('createServer: give either dataDir or stores.');
  return openStores({
    role: 'server',
    dataDir: options.dataDir,
    ...(options.databaseUrl !== undefined && { databaseUrl: options.databaseUrl }),
    ...(options.sqliteSynchronous && { sqliteSynchronous: options.sqliteSynchronous }),
    ...(options.updateLogQuotaBytes !== undefined && { updateLogQuotaBytes: options.updateLogQuotaBytes }),
    ...(options.logger && { logger: options.logger }),
  });
}
