import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { insertLoggedRows, SqliteDocumentStore, updateLogDirOf } from './SqliteDocumentStore.js';
import { sqliteMigrations } from './sqliteMigrations.js';
import type { BackupReport } from './Stores.js';
import { UnreadableDatabaseError } from './UnreadableDatabaseError.js';
import { describeLogDamage, readLogFolder, type LogUpdate } from './UpdateLog.js';

/** A backup or a restore could not be made; the message, in French, says why. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * Copies the database `source` into `target` with SQLite's online backup API (consistent while
 * the server writes), adds what the server's update log holds, checks the copy, then renames it
 * into place: an interrupted backup never leaves a half file at `target`.
 */
export async function backupSqliteDatabase(source: string, target: string, progress?: (percent: number) => void): Promise<BackupReport> {
  const partial = `${target}.partiel`;
  rmSync(partial, { force: true });
  const warnings: string[] = [];
  // A running server's latest edits may be in its update log, not yet in the database. Read
  // first: what leaves the log afterwards is in the database by the time it is copied (an update
  // found in both is applied twice, which changes nothing).
  let logged: LogUpdate[];
  try {
    const contents = readLogFolder(updateLogDirOf(source));
    logged = contents.updates;
    // The copy holds what checks out; the administrator hears of the rest.
    for (const file of contents.files) if (file.damage) warnings.push(describeLogDamage(file.path, file.damage));
  } catch (error) {
    throw new BackupError(`Lecture du journal des modifications impossible : ${(error as Error).message}`);
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        progress?.(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
        return 200;
      },
    });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`La sauvegarde a échoué : ${(error as Error).message}`);
  } finally {
    db.close();
  }
  try {
    appendLogged(partial, logged);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`La sauvegarde a échoué (journal des modifications) : ${(error as Error).message}`);
  }
  const check = checkSqliteBackup(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new BackupError(`La copie est invalide : ${check.message}`);
  }
  renameSync(partial, target);
  return { documents: check.documents, warnings };
}

/** Adds the logged updates to the copy as rows, the way the server imports them at start. */
function appendLogged(file: string, updates: readonly LogUpdate[]): void {
  if (updates.length === 0) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.transaction(() => insertLoggedRows(db, updates, Date.now()))();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Integrity check and a sanity check that this is a Canevas database. */
export function checkSqliteBackup(file: string): { ok: true; documents: number; version: number } | { ok: false; message: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, message: `contrôle d’intégrité : ${String(integrity)}` };
    const hasDocuments = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (!hasDocuments) return { ok: false, message: 'ce n’est pas une base Canevas (table documents absente)' };
    const documents = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    return { ok: true, documents, version: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    db?.close();
  }
}

export interface RestoreReport {
  documents: number;
  /** Where the replaced database was kept, if there was one. */
  kept?: string;
  /** True when the replaced database could not be read and was kept exactly as it was. */
  keptUnreadable?: boolean;
}

/**
 * Replaces the database `live` by a checked copy of `backup`; the server must be stopped (the
 * caller checks the data folder's lock). The replaced database is kept beside it, complete: the
 * update log a crashed server left is imported into it first.
 */
export async function restoreSqliteBackup(backup: string, live: string, dataDir: string): Promise<RestoreReport> {
  const check = checkSqliteBackup(backup);
  if (!check.ok) throw new BackupError(`Sauvegarde invalide : ${check.message}`);
  if (check.version > sqliteMigrations.length) {
    throw new BackupError(`Cette sauvegarde vient d’une version plus récente de Canevas (schéma ${check.version}).`);
  }
  mkdirSync(dataDir, { recursive: true });
  const incoming = `${live}.restauration`;
  rmSync(incoming, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming);
  } finally {
    source.close();
  }
  const report: RestoreReport = { documents: check.documents };
  if (existsSync(live)) {
    const kept = `${live}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Import the update log a crashed server may have left, then fold the WAL into the old
    // file, so that the kept copy is complete on its own.
    let unreadable = false;
    try {
      const old = new SqliteDocumentStore({ file: live, updateLog: 'append' });
      old.database.pragma('wal_checkpoint(TRUNCATE)');
      await old.close();
    } catch (error) {
      if (!(error instanceof UnreadableDatabaseError)) {
        rmSync(incoming, { force: true });
        throw new BackupError(`Impossible de compléter l’ancienne base avant de la mettre de côté : ${(error as Error).message}`);
      }
      // The very case restore is for: keep the damaged file with its WAL and log, untouched.
      unreadable = true;
      for (const suffix of ['-wal', '-log']) if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${kept}${suffix}`);
    }
    renameSync(live, kept);
    report.kept = kept;
    report.keptUnreadable = unreadable;
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
  renameSync(incoming, live);
  return report;
}
