import { openPostgresStores } from './openPostgresStores.js';
import { openSqliteStores } from './SqliteStores.js';
import { StoresUnavailableError, type Stores, type StoresConfig } from './Stores.js';

/** The database URL from the environment, when one selects another engine than SQLite. */
export function databaseUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** `{ databaseUrl }` when the environment selects another engine, else nothing (spread it into a StoresConfig). */
export function databaseUrlOption(env: NodeJS.ProcessEnv): { databaseUrl?: string } {
  const databaseUrl = databaseUrlOf(env);
  return databaseUrl === undefined ? {} : { databaseUrl };
}

/**
 * Opens the instance's stores: PostgreSQL when `databaseUrl` is given, else SQLite in the data
 * folder (the embedded default). The one place that picks an engine.
 */
export async function openStores(config: StoresConfig): Promise<Stores> {
  if (config.databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      throw new StoresUnavailableError('DATABASE_URL doit commencer par postgres:// (ou retirez-la pour garder SQLite dans DATA_DIR).');
    }
    return openPostgresStores({
      databaseUrl: config.databaseUrl,
      role: config.role,
      ...(config.mustExist !== undefined && { mustExist: config.mustExist }),
      ...(config.logger && { logger: config.logger }),
      ...(config.databasePoolSize !== undefined && { maxConnections: config.databasePoolSize }),
    });
  }
  return openSqliteStores(config);
}
