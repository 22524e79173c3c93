import type Database from 'better-sqlite3';
import type { MailOutbox, OutboxMessage, OutgoingMail } from '../mail/MailOutbox.js';
import { outboxMessageOf, type OutboxRow } from './outboxRows.js';

/** Inside the caller's transaction: how the account store puts a message beside its event. */
export function insertSqliteOutboxRow(db: Database.Database, mail: OutgoingMail): void {
  db.prepare('INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    mail.id,
    mail.to,
    mail.subject,
    mail.text,
    mail.html,
    mail.createdAt,
    mail.createdAt,
  );
}

export class SqliteMailOutbox implements MailOutbox {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    insertSqliteOutboxRow(this.#db, mail);
  }

  async claimDue(now: number, options: { limit: number; leaseMs: number }): Promise<OutboxMessage[]> {
    return this.#db
      .prepare<[number, number, number, number], OutboxRow>(
        `UPDATE mail_outbox SET locked_until = ? WHERE id IN (
           SELECT id FROM mail_outbox WHERE next_attempt_at <= ? AND locked_until <= ? ORDER BY created_at, id LIMIT ?
         ) RETURNING *`,
      )
      .all(now + options.leaseMs, now, now, options.limit)
      .map(outboxMessageOf)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async markSent(id: string): Promise<void> {
    this.#db.prepare('DELETE FROM mail_outbox WHERE id = ?').run(id);
  }

  async markFailed(id: string, failure: { error: string; nextAttemptAt: number }): Promise<void> {
    this.#db
      .prepare('UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, locked_until = 0, last_error = ? WHERE id = ?')
      .run(failure.nextAttemptAt, failure.error.slice(0, 500), id);
  }

  async releaseStaleLeases(): Promise<void> {
    // The data folder's lock makes this process its only server: no other worker holds a lease.
    this.#db.prepare('UPDATE mail_outbox SET locked_until = 0 WHERE locked_until > 0').run();
  }

  async stats(): Promise<{ waiting: number; failing: number; oldestAt: number | null }> {
    const row = this.#db
      .prepare<[], { waiting: number; failing: number | null; oldest: number | null }>(
        'SELECT COUNT(*) AS waiting, SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS failing, MIN(created_at) AS oldest FROM mail_outbox',
      )
      .get()!;
    return { waiting: row.waiting, failing: row.failing ?? 0, oldestAt: row.oldest };
  }
}
