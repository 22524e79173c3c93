import { PostgresAccountStore } from '../accounts/PostgresAccountStore.js';
import { createLogger, type Logger } from '../logger.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';
import { PostgresMailOutbox } from './PostgresMailOutbox.js';
import { PostgresPrivacyStore } from './PostgresPrivacyStore.js';
import { PostgresSubmissionStore } from './PostgresSubmissionStore.js';
import { PostgresTicketStore } from './PostgresTicketStore.js';
import { PostgresVersionStore } from './PostgresVersionStore.js';
import { PostgresInstanceLock } from './PostgresInstanceLock.js';
import { createPostgresPool, migratePostgres } from './postgresPool.js';
import { MissingDatabaseError, StoresUnavailableError, type Stores, type StoresRole } from './Stores.js';

export interface PostgresStoresConfig {
  /** `postgres://user:password@host:port/database` (DATABASE_URL). */
  databaseUrl: string;
  role: StoresRole;
  /** Refuse a database that Canevas never initialised rather than creating the schema (commands). */
  mustExist?: boolean;
  logger?: Logger;
  /** Pool size (DATABASE_POOL_SIZE). Default 10. */
  maxConnections?: number;
}

/**
 * Every store on one PostgreSQL database, sharing one pool; the schema is migrated first (several
 * processes may start at once). A server refuses to start while an exclusive command runs, and an
 * exclusive command while any server runs. No `backup`: PostgreSQL's own tools (`pg_dump`) do it.
 */
export async function openPostgresStores(config: PostgresStoresConfig): Promise<Stores> {
  const location = withoutPassword(config.databaseUrl);
  const logger = config.logger ?? createLogger();
  const pool = await createPostgresPool({ url: config.databaseUrl, logger, ...(config.maxConnections && { max: config.maxConnections }) });
  let holder: PostgresInstanceLock | undefined;
  try {
    if (config.mustExist) {
      const { rows } = await pool.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
      if (!rows[0]?.present) {
        throw new MissingDatabaseError(`Aucune donnée Canevas dans la base PostgreSQL ${location} : démarrez d’abord le serveur avec cette DATABASE_URL, ou vérifiez-la.`);
      }
    }
    await migratePostgres(pool);
    if (config.role !== 'command') holder = await PostgresInstanceLock.take({ url: config.databaseUrl, role: config.role, location, logger });
  } catch (error) {
    await holder?.release();
    await pool.end().catch(() => undefined);
    if (error instanceof StoresUnavailableError) throw error;
    throw new StoresUnavailableError(`PostgreSQL (${location}) ne répond pas comme attendu : ${(error as Error).message}`, { cause: error });
  }
  let closed: Promise<void> | undefined;
  return {
    documents: new PostgresDocumentStore({ pool, ownsPool: false }),
    accounts: new PostgresAccountStore(pool),
    submissions: new PostgresSubmissionStore(pool),
    versions: new PostgresVersionStore(pool),
    privacy: new PostgresPrivacyStore(pool),
    mailOutbox: new PostgresMailOutbox(pool),
    tickets: new PostgresTicketStore(pool),
    location,
    close: () =>
      (closed ??= (async () => {
        try {
          if (!pool.ended) await pool.end();
        } finally {
          await holder?.release();
        }
      })()),
  };
}

/** The URL for messages and logs: never the password. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'DATABASE_URL';
  }
}
