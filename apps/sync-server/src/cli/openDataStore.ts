import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteDocumentStore } from '../store/SqliteDocumentStore.js';
import { UsageError } from './Command.js';

/** The data folder of an administration command: --data, else DATA_DIR, else ./data. */
export function dataDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(flag ?? env.DATA_DIR ?? './data');
}

/**
 * Opens the instance's database next to a possibly running server (SQLite WAL allows it).
 * `create: false` refuses a folder without a database rather than creating an empty one.
 */
export function openDataStore(dataDir: string, options: { create: boolean }): SqliteDocumentStore {
  const file = join(dataDir, 'canevas.sqlite');
  if (!options.create && !existsSync(file)) {
    throw new UsageError(`Aucune base Canevas dans ${dataDir} (fichier canevas.sqlite absent). Indiquez --data ou DATA_DIR.`);
  }
  // A running server's latest edits may still be in its update log: read them too.
  return new SqliteDocumentStore({ file, updateLog: 'read' });
}
