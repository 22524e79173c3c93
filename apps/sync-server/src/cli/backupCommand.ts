import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { insertLoggedRows, updateLogDirOf } from '../store/SqliteDocumentStore.js';
import { describeLogDamage, readLogFolder, type LogUpdate } from '../store/UpdateLog.js';
import { UsageError, type Command } from './Command.js';
import { dataDirOf } from './openDataStore.js';
import { parseOptions } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas backup <fichier> [--data <dossier>] [--force]',
  '',
  'Copie cohérente de la base pendant que le serveur tourne (API de sauvegarde en ligne de SQLite),',
  'vérifiée (intégrité) avant d’être mise en place. Refuse d’écraser un fichier sans --force.',
].join('\n');

export const backupCommand: Command = {
  name: 'backup',
  summary: 'sauvegarde la base, même serveur en marche',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { data: { type: 'string' }, force: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('Indiquez un seul fichier de sauvegarde.');
    const target = resolve(positionals[0]!);
    const source = join(dataDirOf(values.data, io.env), 'canevas.sqlite');
    if (!existsSync(source)) {
      io.stderr(`Aucune base Canevas à sauvegarder : ${source} est absent.\n`);
      return 1;
    }
    if (existsSync(target) && !values.force) {
      io.stderr(`${target} existe déjà. Ajoutez --force pour l’écraser.\n`);
      return 1;
    }
    if (!existsSync(dirname(target))) {
      io.stderr(`Le dossier ${dirname(target)} n’existe pas.\n`);
      return 1;
    }
    // Written beside the target then renamed: an interrupted backup never leaves a half file.
    const partial = `${target}.partiel`;
    rmSync(partial, { force: true });
    // A running server's latest edits may be in its update log, not yet in the database. Read
    // first: what leaves the log afterwards is in the database by the time it is copied (an
    // update found in both is applied twice, which changes nothing).
    let logged: LogUpdate[];
    try {
      const contents = readLogFolder(updateLogDirOf(source));
      logged = contents.updates;
      // The copy holds what checks out; the administrator hears of the rest.
      for (const file of contents.files) if (file.damage) io.stderr(`${describeLogDamage(file.path, file.damage)}\n`);
    } catch (error) {
      io.stderr(`Lecture du journal des modifications impossible : ${(error as Error).message}\n`);
      return 1;
    }
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      let lastShown = -1;
      await db.backup(partial, {
        progress({ totalPages, remainingPages }) {
          const percent = totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100);
          if (percent >= lastShown + 10) {
            lastShown = percent;
            io.stderr(`Sauvegarde : ${percent} %\n`);
          }
          return 200;
        },
      });
    } catch (error) {
      rmSync(partial, { force: true });
      io.stderr(`La sauvegarde a échoué : ${(error as Error).message}\n`);
      return 1;
    } finally {
      db.close();
    }
    try {
      appendLogged(partial, logged);
    } catch (error) {
      rmSync(partial, { force: true });
      io.stderr(`La sauvegarde a échoué (journal des modifications) : ${(error as Error).message}\n`);
      return 1;
    }
    const check = checkBackup(partial);
    if (!check.ok) {
      rmSync(partial, { force: true });
      io.stderr(`La copie est invalide : ${check.message}\n`);
      return 1;
    }
    renameSync(partial, target);
    io.stdout(`${target}\n`);
    io.stderr(`Sauvegarde terminée : ${check.documents} document(s), ${Math.ceil(statSync(target).size / 1024)} Kio.\n`);
    return 0;
  },
};

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
export function checkBackup(file: string): { ok: true; documents: number; version: number } | { ok: false; message: string } {
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
