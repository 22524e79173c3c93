import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteAccountStore } from '../accounts/SqliteAccountStore.js';
import { lockDataDir, runningServerPid } from './dataDirLock.js';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';
import { MemoryTicketStore } from './MemoryTicketStore.js';
import { SqliteMailOutbox } from './SqliteMailOutbox.js';
import { SqlitePrivacyStore } from './SqlitePrivacyStore.js';
import { SqliteSubmissionStore } from './SqliteSubmissionStore.js';
import { SqliteVersionStore } from './SqliteVersionStore.js';
import { backupSqliteDatabase } from './sqliteBackup.js';
import { DataFolderBusyError, MissingDatabaseError, type Stores, type StoresConfig } from './Stores.js';

/** The database file in a data folder. */
export const SQLITE_FILE = 'canevas.sqlite';

export function sqliteFileOf(dataDir: string): string {
  return join(dataDir, SQLITE_FILE);
}

/**
 * The embedded engine: one SQLite file in the data folder holds every store, all over one
 * connection, so that a transaction may span them (erasure, placement).
 */
export function openSqliteStores(config: StoresConfig): Stores {
  const { dataDir, role } = config;
  const file = sqliteFileOf(dataDir);
  if (config.mustExist && !existsSync(file)) {
    throw new MissingDatabaseError(`Aucune base Canevas dans ${dataDir} (fichier ${SQLITE_FILE} absent). Indiquez --data ou DATA_DIR.`);
  }
  let unlock: (() => void) | undefined;
  if (role !== 'command') {
    const holder = runningServerPid(dataDir);
    // Two servers appending to one database would each miss the other's updates; a command that
    // needs the server stopped must not run under one.
    if (holder !== undefined && holder !== process.pid) throw new DataFolderBusyError(dataDir, holder);
    try {
      unlock = lockDataDir(dataDir);
    } catch {
      throw new DataFolderBusyError(dataDir, runningServerPid(dataDir) ?? 0);
    }
  }
  let documents: SqliteDocumentStore;
  try {
    documents = new SqliteDocumentStore({
      file,
      ...(config.sqliteSynchronous && { synchronous: config.sqliteSynchronous }),
      ...(config.sqliteBusyTimeoutMs !== undefined && { busyTimeoutMs: config.sqliteBusyTimeoutMs }),
      ...(config.updateLogQuotaBytes !== undefined && { updateLogQuotaBytes: config.updateLogQuotaBytes }),
      ...(config.logger && { logger: config.logger }),
      // The server writes through its update log; a command beside it reads what the log holds.
      ...(role === 'server' ? { checkpointInWorker: true, updateLog: 'append' as const } : { updateLog: 'read' as const }),
    });
  } catch (error) {
    // The data folder is free again (for `canevas restore`, say).
    unlock?.();
    throw error;
  }
  const { database } = documents;
  let closed: Promise<void> | undefined;
  return {
    documents,
    accounts: new SqliteAccountStore(database),
    submissions: new SqliteSubmissionStore(database),
    versions: new SqliteVersionStore(database),
    privacy: new SqlitePrivacyStore(database),
    mailOutbox: new SqliteMailOutbox(database),
    // One process serves a SQLite folder: its memory is where every upgrade looks.
    tickets: new MemoryTicketStore(),
    location: file,
    backup: (target, progress) => backupSqliteDatabase(file, target, progress),
    close: () =>
      (closed ??= (async () => {
        try {
          await documents.close();
        } finally {
          unlock?.();
        }
      })()),
  };
}
