import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runningServerPid } from '../store/dataDirLock.js';
import { databaseUrlOf } from '../store/openStores.js';
import { BackupError, restoreSqliteBackup } from '../store/sqliteBackup.js';
import { sqliteFileOf } from '../store/SqliteStores.js';
import { UsageError, type Command } from './Command.js';
import { dataDirOf } from './openCommandStores.js';
import { parseOptions } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas restore <fichier> [--data <dossier>]',
  '',
  'Remplace la base par une sauvegarde vérifiée. Le serveur doit être arrêté.',
  'La base remplacée est conservée à côté (canevas.sqlite.avant-restauration-<date>) : rien n’est perdu.',
  'Avec PostgreSQL (DATABASE_URL), restaurez avec pg_restore : cette commande ne s’applique qu’à SQLite.',
].join('\n');

export const restoreCommand: Command = {
  name: 'restore',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { data: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('Indiquez un seul fichier de sauvegarde.');
    if (databaseUrlOf(io.env) !== undefined) {
      // The database may be unreadable (the case restore is for): the engine is told by the
      // configuration, not by opening it.
      io.stderr(
        'Cette commande ne restaure que la base SQLite intégrée ; DATABASE_URL désigne une base PostgreSQL.\n' +
          'Restaurez-la avec ses propres outils : pg_restore (ou psql) depuis une sauvegarde faite par pg_dump.\n',
      );
      return 1;
    }
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
    try {
      const report = await restoreSqliteBackup(backup, sqliteFileOf(dataDir), dataDir);
      if (report.kept !== undefined) {
        io.stderr(`${report.keptUnreadable ? 'Ancienne base, illisible, conservée telle quelle' : 'Ancienne base conservée'} : ${report.kept}\n`);
      }
      io.stderr(`Restauration terminée : ${report.documents} document(s).\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
