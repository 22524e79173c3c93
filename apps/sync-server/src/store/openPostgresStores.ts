import { PostgresAccountStore } from '../accounts/PostgresAccountStore.js';
import type { Logger } from '../logger.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';
import { createPostgresPool, migratePostgres } from './postgresPool.js';

export interface PostgresStores {
  documents: PostgresDocumentStore;
  accounts: PostgresAccountStore;
  /** Ends the shared pool. */
  close(): Promise<void>;
}

/**
 * Every store on one PostgreSQL database (`DATABASE_URL`), sharing one pool; the schema is
 * migrated first (several processes may start at once).
 */
export async function openPostgresStores(options: { url: string; logger?: Logger; maxConnections?: number }): Promise<PostgresStores> {
  const pool = createPostgresPool({ url: options.url, ...(options.logger && { logger: options.logger }), ...(options.maxConnections && { max: options.maxConnections }) });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    documents: new PostgresDocumentStore({ pool, ownsPool: false }),
    accounts: new PostgresAccountStore(pool),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
