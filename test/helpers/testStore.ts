import { newPostgresDatabase, type TestDatabase } from './postgresDatabase.js';

/**
 * `CANEVAS_TEST_STORE=postgres`: the integration servers (`newServer`, `spawnServer`, the CLI
 * through `runCanevas --data`) keep their data in PostgreSQL, one database per data folder of the
 * run's throwaway cluster, instead of SQLite in that folder. The same tests then prove the same
 * contracts on the second engine (`pnpm test:postgres`).
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.CANEVAS_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

const databases = new Map<string, Promise<TestDatabase>>();
const known = new Map<string, string>();

/** The database that stands for `dataDir`, created on first use; undefined on SQLite. */
export async function databaseUrlFor(dataDir: string): Promise<string | undefined> {
  if (TEST_STORE !== 'postgres') return undefined;
  let database = databases.get(dataDir);
  if (!database) {
    database = newPostgresDatabase();
    databases.set(dataDir, database);
  }
  const { url } = await database;
  known.set(dataDir, url);
  return url;
}

/**
 * `{ DATABASE_URL }` for a child process given `--data <dataDir>` (or `--data=<dataDir>`, or
 * `DATA_DIR` in its environment), when that folder has a database.
 */
export function databaseEnvFor(args: readonly string[], env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const index = args.indexOf('--data');
  const dataDir = index >= 0 ? args[index + 1] : (args.find((arg) => arg.startsWith('--data='))?.slice('--data='.length) ?? env.DATA_DIR);
  const url = dataDir === undefined ? undefined : known.get(dataDir);
  return url ? { DATABASE_URL: url } : {};
}

/** Drops the database of `dataDir`, if it has one (with the folder, at dispose). */
export async function dropDatabaseOf(dataDir: string): Promise<void> {
  const database = databases.get(dataDir);
  databases.delete(dataDir);
  known.delete(dataDir);
  if (database) await (await database).drop();
}
