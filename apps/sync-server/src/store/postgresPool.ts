import type pg from 'pg';
import { createLogger, type Logger } from '../logger.js';
import { postgresMigrations } from './postgresMigrations.js';
import { StoresUnavailableError } from './Stores.js';

export interface PostgresPoolOptions {
  /** `postgres://user:password@host:port/database` (the `DATABASE_URL`). */
  url: string;
  /** Connections kept at most (DATABASE_POOL_SIZE). Default {@link DEFAULT_POOL_SIZE}. */
  max?: number;
  /** Where connection losses are reported (default: JSON lines on stderr). */
  logger?: Logger;
  /**
   * Longest a statement may run on the server, lock waits included; past it, it fails and the
   * engine's retry path takes over (a stuck lock must not freeze writes forever). Default 15 s.
   */
  statementTimeoutMs?: number;
}

/** Connections a pool keeps at most unless told otherwise (DATABASE_POOL_SIZE). */
export const DEFAULT_POOL_SIZE = 10;

/** `bigint` columns hold times in milliseconds and row ids: both far below 2^53. */
const INT8_OID = 20;

/**
 * A pool on `url` whose connections cannot crash the process: a connection lost while idle (the
 * server restarted, the network dropped) is logged and replaced on next use; one lost during a
 * query fails that query, which the caller retries. Timeouts keep a dead server from hanging
 * writes: connecting fails after 5 s, a statement after `statementTimeoutMs`.
 */
export async function createPostgresPool(options: PostgresPoolOptions): Promise<pg.Pool> {
  // Loaded on first use: an instance on SQLite never needs the driver (about 15 MiB).
  const { default: postgres } = await import('pg');
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : postgres.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const logger = options.logger ?? createLogger();
  const statementTimeout = options.statementTimeoutMs ?? 15_000;
  const pool = new postgres.Pool({
    connectionString: options.url,
    max: options.max ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    statement_timeout: statementTimeout,
    // The client gives up a little after the server would have, should the server not answer.
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'canevas',
    types,
  });
  pool.on('error', (error) => {
    logger.warn('store.postgres_connection_lost', { error });
  });
  return pool;
}

/** Key of the advisory lock that serialises migrations between processes starting at once. */
const MIGRATION_LOCK = 0x63616e65766173n; // "canevas"

/**
 * Applies the missing steps of {@link postgresMigrations}, each in its own transaction, under a
 * session advisory lock: a second process starting at the same moment waits, then finds the
 * steps applied.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)');
      const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
      const current = rows[0]?.version ?? 0;
      if (current > postgresMigrations.length) {
        throw new StoresUnavailableError(
          `Le schéma de la base PostgreSQL (version ${current}) est plus récent que ce serveur (version ${postgresMigrations.length}) : mettez Canevas à jour.`,
        );
      }
      for (let version = current; version < postgresMigrations.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(postgresMigrations[version]!);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version + 1, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => undefined);
    }
  } catch (error) {
    // A connection that failed mid-migration is not returned to the pool.
    client.release(error as Error);
    throw error;
  }
  client.release();
}

/**
 * SQLSTATEs of a session the server itself ended: an administrator (`pg_terminate_backend`), a
 * restart or a crash of another backend, an idle-session timeout. The pool may still hand out
 * such a connection: the server's farewell sits unread in its socket until the next query reads
 * it. Measured on a local server: 268 of 300 transactions begun right after their idle
 * connections were ended failed so, with no storage fault at all.
 */
const SESSION_ENDED = new Set(['57P01', '57P02', '57P05']);

export function isSessionEnded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && SESSION_ENDED.has(String((error as { code?: unknown }).code));
}

/**
 * Runs `attempt` again, on another connection, while it fails because its connection had been
 * ended by the server. Only for work that is safe to run twice: a read, a transaction that had
 * not begun, an append of Yjs updates (applying one twice changes nothing). Bounded by the
 * pool's size: each failure discards one dead connection, and the pool holds at most that many.
 */
export async function onLiveConnection<T>(pool: pg.Pool, attempt: () => Promise<T>): Promise<T> {
  for (let tries = pool.options.max ?? 10; ; tries--) {
    try {
      return await attempt();
    } catch (error) {
      if (tries <= 0 || !isSessionEnded(error)) throw error;
    }
  }
}

/** A connection on which a transaction has begun: a dead pooled one is replaced first. */
async function beginOnLiveConnection(pool: pg.Pool): Promise<pg.PoolClient> {
  return onLiveConnection(pool, async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  });
}

/**
 * Runs `work` in one transaction on one connection; rolls back if it throws. The transaction
 * begins on a live connection (see {@link onLiveConnection}); once it has begun, a failure is
 * the caller's to handle, since a COMMIT cut short may or may not have been applied.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await beginOnLiveConnection(pool);
  let broken: Error | undefined;
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is discarded, not handed to the next caller.
    client.release(broken);
  }
}
