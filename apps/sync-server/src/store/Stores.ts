import type { AccountStore } from '../accounts/AccountStore.js';
import type { TicketStore } from '../auth/TicketStore.js';
import type { PrivacyStore } from '../accounts/PrivacyStore.js';
import type { Logger } from '../logger.js';
import type { MailOutbox } from '../mail/MailOutbox.js';
import type { SubmissionStore } from '../submissions/SubmissionStore.js';
import type { VersionStore } from '../versions/VersionStore.js';
import type { DocumentStore } from './DocumentStore.js';
import type { SqliteSynchronous } from './SqliteDocumentStore.js';

/**
 * Everything an instance stores, behind one interface per kind, in ONE database: operations that
 * say « one transaction » may span tables of several of these stores (see each interface). The
 * server, the API services and every command reach the data only through this bundle, opened by
 * {@link openStores}; nothing else knows which engine holds it.
 *
 * The access log is the audit log (`document.open` entries in `AccountStore.audit`).
 */
export interface Stores {
  readonly documents: DocumentStore;
  readonly accounts: AccountStore;
  readonly submissions: SubmissionStore;
  /** The version history of each document's content. */
  readonly versions: VersionStore;
  readonly privacy: PrivacyStore;
  /** Mail waiting to be sent (password resets, invitations), written beside the events that cause it. */
  readonly mailOutbox: MailOutbox;
  /** Sync tickets between `documents.syncTarget` and the upgrade; need not survive a restart. */
  readonly tickets: TicketStore;
  /** Where the data lives, for messages: the SQLite file, or the database URL without its password. */
  readonly location: string;
  /**
   * A consistent, verified copy of everything, taken while the server runs, written to `target`
   * (a new file; never a half-written one). Only where the engine has no tool of its own: SQLite
   * has it; PostgreSQL does not (`pg_dump` is the tool there).
   */
  readonly backup?: (target: string, progress?: (percent: number) => void) => Promise<BackupReport>;
  /** Closes every store (the documents store last writes what it holds) and frees the data folder. */
  close(): Promise<void>;
}

export interface BackupReport {
  documents: number;
  /** Problems met and worked around (a damaged update log file, for instance), in French. */
  warnings: string[];
}

/**
 * How a process uses the stores:
 * - `server`: the long-running writer. SQLite: takes the data folder's lock (refusing while
 *   another live process holds it), appends updates to its update log, checkpoints in a worker;
 * - `command`: a command beside a server that may be running. SQLite: reads the server's update
 *   log once at open, writes rows;
 * - `exclusive`: a command that needs the server stopped (it rewrites what a server would hold in
 *   memory). SQLite: refuses while a server holds the data folder, and holds its lock meanwhile.
 */
export type StoresRole = 'server' | 'command' | 'exclusive';

export interface StoresConfig {
  role: StoresRole;
  /** The data folder: SQLite's `canevas.sqlite` with its update log and lock. */
  dataDir: string;
  /** `postgres://…` (DATABASE_URL): PostgreSQL holds everything instead of SQLite. */
  databaseUrl?: string;
  /** PostgreSQL: connections the pool keeps at most (DATABASE_POOL_SIZE, default 10). */
  databasePoolSize?: number;
  /** Refuse a data folder without a database rather than creating an empty one (commands). */
  mustExist?: boolean;
  /** Default NORMAL (survives a process crash); FULL also survives power loss. */
  sqliteSynchronous?: SqliteSynchronous;
  /** SQLite's busy timeout (ms); see SqliteDocumentStoreOptions.busyTimeoutMs. */
  sqliteBusyTimeoutMs?: number;
  /** Largest size of the SQLite update log files; see SqliteDocumentStoreOptions. */
  updateLogQuotaBytes?: number;
  logger?: Logger;
}

/** The store cannot be opened as asked: the message, in French, says what to do. */
export class StoresUnavailableError extends Error {
  override readonly name: string = 'StoresUnavailableError';
}

/** `mustExist` and the data folder holds no database: nothing to open (a mistyped --data, most likely). */
export class MissingDatabaseError extends StoresUnavailableError {
  override readonly name = 'MissingDatabaseError';
}

/** Another live process holds the data folder (a server), and this role needs it alone. */
export class DataFolderBusyError extends StoresUnavailableError {
  override readonly name = 'DataFolderBusyError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`Un serveur Canevas (pid ${pid}) utilise déjà ${dataDir}.`);
  }
}

/**
 * PostgreSQL's counterpart of {@link DataFolderBusyError}: the database is in use by a server
 * (and this command needs it alone) or by an exclusive command (and a server cannot start).
 */
export class DatabaseInUseError extends StoresUnavailableError {
  override readonly name = 'DatabaseInUseError';
  constructor(
    readonly location: string,
    readonly by: 'server' | 'exclusive',
  ) {
    super(
      by === 'server'
        ? `Un serveur Canevas utilise la base ${location} : arrêtez-le d’abord (cette commande réécrit ce qu’il garde en mémoire).`
        : `Une commande exclusive (pnpm canevas user delete…) utilise la base ${location} : attendez qu’elle finisse.`,
    );
  }
}
