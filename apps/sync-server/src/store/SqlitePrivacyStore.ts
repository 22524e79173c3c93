import type Database from 'better-sqlite3';
import { ERASED_AUTHOR, ERASED_REFERENCE, type PrivacyStore } from '../accounts/PrivacyStore.js';

export class SqlitePrivacyStore implements PrivacyStore {
  private readonly eraseTransaction: (user: { id: string; name: string }) => void;

  constructor(db: Database.Database) {
    const statements = {
      renameSubmissions: db.prepare<[string, string]>('UPDATE submissions SET created_by = ? WHERE created_by = ?'),
      forgetAuditUser: db.prepare<[string]>('UPDATE audit_log SET user_id = NULL WHERE user_id = ?'),
      forgetAuditMentions: db.prepare<[string, string, string]>('UPDATE audit_log SET detail = replace(detail, ?, ?) WHERE instr(detail, ?) > 0'),
      // Sessions, tokens and memberships go with the account (ON DELETE CASCADE).
      deleteUser: db.prepare<[string]>('DELETE FROM users WHERE id = ?'),
    };
    this.eraseTransaction = db.transaction((user: { id: string; name: string }) => {
      statements.renameSubmissions.run(ERASED_AUTHOR, user.name);
      statements.forgetAuditUser.run(user.id);
      statements.forgetAuditMentions.run(user.id, ERASED_REFERENCE, user.id);
      statements.deleteUser.run(user.id);
    });
  }

  async eraseUser(user: { id: string; name: string }): Promise<void> {
    this.eraseTransaction(user);
  }
}
