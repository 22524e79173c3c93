import type pg from 'pg';
import type { Logger } from '../logger.js';
import { DatabaseInUseError } from './Stores.js';

/**
 * Key of the session advisory lock that says who uses the database: every server holds it
 * shared, an `exclusive` command alone. It plays the part of SQLite's data folder lock, for a
 * database that several servers share.
 */
const INSTANCE_LOCK = 0x63616e65766173n + 1n;

export interface InstanceLockOptions {
  url: string;
  role: 'server' | 'exclusive';
  /** The database without its password, for messages. */
  location: string;
  logger: Logger;
  /** First delay before taking the lock again once its connection is lost (default 500 ms), doubled up to 10 s. */
  retryDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 10_000;

/**
 * The instance lock, held on a connection of its own for the life of the stores. A session lock
 * ends with its session: when PostgreSQL restarts, or the connection drops, the lock is taken
 * again as soon as the database answers, so that an exclusive command (`user delete`) started
 * after the restart still finds the servers there and refuses, rather than running beside them.
 */
export class PostgresInstanceLock {
  private client: pg.Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private released = false;

  private constructor(private readonly options: InstanceLockOptions) {}

  /** Takes the lock; rejects with DatabaseInUseError when the other kind of holder has it. */
  static async take(options: InstanceLockOptions): Promise<PostgresInstanceLock> {
    const lock = new PostgresInstanceLock(options);
    if (!(await lock.acquire())) {
      throw new DatabaseInUseError(options.location, options.role === 'server' ? 'exclusive' : 'server');
    }
    return lock;
  }

  /** Whether a live session holds the lock now. */
  get held(): boolean {
    return this.client !== undefined;
  }

  async release(): Promise<void> {
    this.released = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Connects and takes the lock: true when held, false when the other kind of holder has it; throws when PostgreSQL cannot be reached. */
  private async acquire(): Promise<boolean> {
    const { url, role } = this.options;
    // Loaded on first use, as in postgresPool.ts: an instance on SQLite never needs the driver.
    const { default: postgres } = await import('pg');
    const client = new postgres.Client({ connectionString: url, application_name: `canevas-${role}`, keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client !== client || this.released) return;
      this.client = undefined;
      this.options.logger.warn('store.postgres_instance_lock_lost', { role, ...(error && { error }) });
      this.retry();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      const { rows } = await client.query<{ held: boolean }>(
        role === 'server' ? 'SELECT pg_try_advisory_lock_shared($1) AS held' : 'SELECT pg_try_advisory_lock($1) AS held',
        [INSTANCE_LOCK.toString()],
      );
      if (rows[0]?.held && !lost && !this.released) {
        this.client = client;
        return true;
      }
      lost = true;
      await client.end().catch(() => undefined);
      if (!rows[0]?.held) return false;
      // Lost while it was being taken, or released meanwhile.
      if (!this.released) throw new Error('the lock connection ended while the lock was taken');
      return true;
    } catch (error) {
      lost = true;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private retry(): void {
    if (this.released || this.retryTimer) return;
    const delay = Math.min((this.options.retryDelayMs ?? 500) * 2 ** this.failures, MAX_RETRY_DELAY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.acquire().then(
        (held) => {
          if (this.released) return;
          if (held) {
            this.failures = 0;
            this.options.logger.info('store.postgres_instance_lock_retaken', { role: this.options.role });
            return;
          }
          // The other kind of holder got in while we were away: say so, and keep trying.
          this.failures++;
          this.options.logger.error('store.postgres_instance_lock_refused', { role: this.options.role });
          this.retry();
        },
        () => {
          this.failures++;
          this.retry();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }
}
