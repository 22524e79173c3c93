import type pg from 'pg';
import { ERASED_AUTHOR, ERASED_REFERENCE, type PrivacyStore } from '../accounts/PrivacyStore.js';
import { inTransaction } from './postgresPool.js';

export class PostgresPrivacyStore implements PrivacyStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async eraseUser(user: { id: string; name: string }): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query('UPDATE submissions SET created_by = $1 WHERE created_by = $2', [ERASED_AUTHOR, user.name]);
      await client.query('UPDATE audit_log SET user_id = NULL WHERE user_id = $1', [user.id]);
      await client.query('UPDATE audit_log SET detail = replace(detail, $1, $2) WHERE strpos(detail, $1) > 0', [user.id, ERASED_REFERENCE]);
      // Sessions, tokens and memberships go with the account (ON DELETE CASCADE).
      await client.query('DELETE FROM users WHERE id = $1', [user.id]);
    });
  }
}
