import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { sqliteMigrations } from '../store/sqliteMigrations.js';
import { UnreadableDatabaseError } from '../store/UnreadableDatabaseError.js';
import { checkBackup } from './backupCommand.js';
import { UsageError, type Command } from './Command.js';
import { runningServerPid } from './dataDirLock.js';
import { dataDirOf } from './openDataStore.js';
import { parseOptions } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas restore <fichier> [--data <dossier>]',
  '',
  'Remplace la base par une sauvegarde vérifiée. Le serveur doit être arrêté.',
  'La base remplacée est conservée à côté (canevas.sqlite.avant-restauration-<date>) : rien n’est perdu.',
].join('\n');

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restaure une sauvegarde (serveur arrêté)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { data: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('Indiquez un seul fichier de sauvegarde.');
    const backup = resolve(positionals[0]!);
    const dataDir = dataDirOf(values.data, io.env);
    if (!existsSync(backup)) {
      io.stderr(`Sauvegarde introuvable : ${backup}.\n`);
      return 1;
    }
    const pid = runningServerPid(dataDir);
    if (pid !== undefined) {
      io.stderr(`Un serveur Canevas (pid ${pid}) utilise ${dataDir} : arrêtez-le avant de restaurer.\n`);
      return 1;
    }
    const check = checkBackup(backup);
    if (!check.ok) {
      io.stderr(`Sauvegarde invalide : ${check.message}\n`);
      return 1;
    }
    if (check.version > sqliteMigrations.length) {
      io.stderr(`Cette sauvegarde vient d’une version plus récente de Canevas (schéma ${check.version}).\n`);
      return 1;
    }
    mkdirSync(dataDir, { recursive: true });
    const live = join(dataDir, 'canevas.sqlite');
    const incoming = `${live}.restauration`;
    rmSync(incoming, { force: true });
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
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
          io.stderr(`Impossible de compléter l’ancienne base avant de la mettre de côté : ${(error as Error).message}\n`);
          return 1;
        }
        // The very case restore is for: keep the damaged file with its WAL and log, untouched.
        unreadable = true;
        for (const suffix of ['-wal', '-log']) if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${kept}${suffix}`);
      }
      renameSync(live, kept);
      io.stderr(`${unreadable ? 'Ancienne base, illisible, conservée telle quelle' : 'Ancienne base conservée'} : ${kept}\n`);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
    renameSync(incoming, live);
    io.stderr(`Restauration terminée : ${check.documents} document(s).\n`);
    return 0;
  },
};
