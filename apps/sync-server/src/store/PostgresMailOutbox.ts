import type pg from 'pg';
import type { MailOutbox, OutboxMessage, OutgoingMail } from '../mail/MailOutbox.js';
import { outboxMessageOf, type OutboxRow } from './outboxRows.js';

/** Inside the caller's transaction: how the account store puts a message beside its event. */
export async function insertPostgresOutboxRow(client: pg.Pool | pg.PoolClient, mail: OutgoingMail): Promise<void> {
  await client.query('INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $6)', [
    mail.id,
    mail.to,
    mail.subject,
    mail.text,
    mail.html,
    mail.createdAt,
  ]);
}

export class PostgresMailOutbox implements MailOutbox {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    await insertPostgresOutboxRow(this.#pool, mail);
  }

  async claimDue(now: number, options: { limit: number; leaseMs: number }): Promise<OutboxMessage[]> {
    // SKIP LOCKED: instances claiming at the same moment take different messages, none waits.
    const { rows } = await this.#pool.query<OutboxRow>(
      `UPDATE mail_outbox SET locked_until = $1 WHERE id IN (
         SELECT id FROM mail_outbox WHERE next_attempt_at <= $2 AND locked_until <= $2 ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
       ) RETURNING id, to_address, subject, text_body, html_body, created_at, attempts, last_error`,
      [now + options.leaseMs, now, options.limit],
    );
    return rows.map(outboxMessageOf).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async markSent(id: string): Promise<void> {
    await this.#pool.query('DELETE FROM mail_outbox WHERE id = $1', [id]);
  }

  async markFailed(id: string, failure: { error: string; nextAttemptAt: number }): Promise<void> {
    await this.#pool.query('UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1, locked_until = 0, last_error = $2 WHERE id = $3', [
      failure.nextAttemptAt,
      failure.error.slice(0, 500),
      id,
    ]);
  }

  async releaseStaleLeases(): Promise<void> {
    // Other instances may be sending now: their leases stay, a crashed one's expire.
  }

  async stats(): Promise<{ waiting: number; failing: number; oldestAt: number | null }> {
    const { rows } = await this.#pool.query<{ waiting: string; failing: string; oldest: string | null }>(
      'SELECT COUNT(*) AS waiting, COUNT(*) FILTER (WHERE attempts > 0) AS failing, MIN(created_at) AS oldest FROM mail_outbox',
    );
    const row = rows[0]!;
    return { waiting: Number(row.waiting), failing: Number(row.failing), oldestAt: row.oldest === null ? null : Number(row.oldest) };
  }
}
