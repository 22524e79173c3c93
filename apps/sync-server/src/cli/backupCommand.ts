import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BackupError } from '../store/sqliteBackup.js';
import { UsageError, type Command } from './Command.js';
import { databaseUrlOption, openStores } from '../store/openStores.js';
import { MissingDatabaseError, type Stores } from '../store/Stores.js';
import { dataDirOf } from './openCommandStores.js';
import { parseOptions } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas backup <fichier> [--data <dossier>] [--force]',
  '',
  'Copie cohérente de la base pendant que le serveur tourne (API de sauvegarde en ligne de SQLite),',
  'vérifiée (intégrité) avant d’être mise en place. Refuse d’écraser un fichier sans --force.',
  'Avec PostgreSQL (DATABASE_URL), sauvegardez avec pg_dump : cette commande ne s’applique qu’à SQLite.',
].join('\n');

export const backupCommand: Command = {
  name: 'backup',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { data: { type: 'string' }, force: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('Indiquez un seul fichier de sauvegarde.');
    const target = resolve(positionals[0]!);
    let stores: Stores;
    try {
      stores = await openStores({ role: 'command', dataDir: dataDirOf(values.data, io.env), mustExist: true, ...databaseUrlOption(io.env) });
    } catch (error) {
      if (!(error instanceof MissingDatabaseError)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    }
    try {
      if (!stores.backup) {
        io.stderr(
          `Cette commande ne sauvegarde que la base SQLite intégrée ; ces données sont dans ${stores.location}.\n` +
            'Sauvegardez PostgreSQL avec ses propres outils : pg_dump (ou une sauvegarde continue : pg_basebackup et l’archivage des WAL).\n',
        );
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
      let lastShown = -1;
      const report = await stores.backup(target, (percent) => {
        if (percent < lastShown + 10) return;
        lastShown = percent;
        io.stderr(`Sauvegarde : ${percent} %\n`);
      });
      for (const warning of report.warnings) io.stderr(`${warning}\n`);
      io.stdout(`${target}\n`);
      io.stderr(`Sauvegarde terminée : ${report.documents} document(s), ${Math.ceil(statSync(target).size / 1024)} Kio.\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    } finally {
      await stores.close();
    }
  },
};
