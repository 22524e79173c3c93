import { resolve } from 'node:path';
import { databaseUrlOption, openStores } from '../store/openStores.js';
import { MissingDatabaseError, type Stores, type StoresRole } from '../store/Stores.js';
import { UsageError, type CommandIO } from './Command.js';

/** The data folder of an administration command: --data, else DATA_DIR, else ./data. */
export function dataDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(flag ?? env.DATA_DIR ?? './data');
}

/**
 * The stores of the instance a command administers, through the factory the server uses
 * (DATABASE_URL, else SQLite in the data folder). `mustExist` refuses a folder without a database
 * as a usage error (a mistyped --data, most likely) rather than creating an empty one.
 */
export async function openCommandStores(dataFlag: string | undefined, io: CommandIO, options: { role?: Exclude<StoresRole, 'server'>; mustExist: boolean }): Promise<Stores> {
  const dataDir = dataDirOf(dataFlag, io.env);
  try {
    return await openStores({ role: options.role ?? 'command', dataDir, mustExist: options.mustExist, ...databaseUrlOption(io.env) });
  } catch (error) {
    if (error instanceof MissingDatabaseError) throw new UsageError(error.message);
    throw error;
  }
}
