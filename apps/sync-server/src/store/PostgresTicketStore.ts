import type pg from 'pg';
import type { StoredTicket, TicketStore } from '../auth/TicketStore.js';

/** Sync tickets in the shared database: an upgrade redeems a ticket whichever instance issued it. */
export class PostgresTicketStore implements TicketStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async put(ticket: StoredTicket, now: number): Promise<void> {
    // One round trip: the expired ones go as the new one comes, so the table stays a minute long.
    await this.#pool.query(
      'WITH expired AS (DELETE FROM sync_tickets WHERE expires_at <= $5) INSERT INTO sync_tickets (hash, user_id, room, expires_at) VALUES ($1, $2, $3, $4)',
      [ticket.hash, ticket.userId, ticket.room, ticket.expiresAt, now],
    );
  }

  async take(hash: string): Promise<StoredTicket | undefined> {
    // DELETE … RETURNING: of two concurrent takes, only the one whose delete found the row gets it.
    const { rows } = await this.#pool.query<{ hash: string; user_id: string; room: string; expires_at: number }>(
      'DELETE FROM sync_tickets WHERE hash = $1 RETURNING hash, user_id, room, expires_at',
      [hash],
    );
    const row = rows[0];
    return row && { hash: row.hash, userId: row.user_id, room: row.room, expiresAt: row.expires_at };
  }
}
