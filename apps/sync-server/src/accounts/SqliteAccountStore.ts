import type Database from 'better-sqlite3';
import {
  DuplicateEmailError,
  type MembershipRefusal,
  type AccountStore,
  type ApiTokenRecord,
  type AuditEntry,
  type AuditFilter,
  type Invitation,
  type Membership,
  type Role,
  type User,
  type UserWithPassword,
  type Workspace,
} from './AccountStore.js';
import {
  AUDIT_COLUMNS,
  TOKEN_COLUMNS,
  auditConditions,
  auditDetailText,
  auditPageSize,
  toAuditEntry,
  toInvitation,
  toToken,
  toUser,
  toWorkspace,
  type AuditRow,
  type InvitationRow,
  type TokenRow,
  type UserRow,
  type WorkspaceRow,
} from './accountRows.js';
import { QuotaExceededError } from '../store/quotas.js';
import { insertSqliteOutboxRow } from '../store/SqliteMailOutbox.js';
import type { OutgoingMail } from '../mail/MailOutbox.js';

const ROLE_RANK: Record<Role, number> = { viewer: 1, tutor: 2, editor: 3, owner: 4 };

/** Thrown inside a transaction to roll it back when it would leave a workspace without owner. */
class LastOwnerRollback extends Error {}

/** Shares the document store's database file (its migrations create these tables). */
export class SqliteAccountStore implements AccountStore {
  readonly #db: Database.Database;

  constructor(database: Database.Database) {
    this.#db = database;
  }

  async countUsers(): Promise<number> {
    return this.#db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()!.n;
  }

  async createUser(user: { id: string; email: string; name: string; passwordHash: string | null; isAdmin: boolean; createdAt: number }): Promise<User> {
    const email = user.email.trim().toLowerCase();
    try {
      this.#db
        .prepare('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(user.id, email, user.name, user.passwordHash, user.isAdmin ? 1 : 0, user.createdAt);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateEmailError(email);
      throw error;
    }
    return { id: user.id, email, name: user.name, isAdmin: user.isAdmin, createdAt: user.createdAt };
  }

  async createInvitedUser(
    user: { id: string; email: string; name: string; passwordHash: string; createdAt: number },
    invitationId: string,
  ): Promise<User | undefined> {
    const email = user.email.trim().toLowerCase();
    const now = user.createdAt;
    try {
      return this.#db.transaction((): User | undefined => {
        const row = this.#db
          .prepare<[string, number], InvitationRow>('SELECT * FROM invitations WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?')
          .get(invitationId, now);
        if (!row) return undefined;
        this.#db
          .prepare('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, 0, ?)')
          .run(user.id, email, user.name, user.passwordHash, now);
        this.#db.prepare('UPDATE invitations SET accepted_by = ?, accepted_at = ? WHERE id = ?').run(user.id, now, invitationId);
        this.#db.prepare('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').run(row.workspace_id, user.id, row.role, now);
        return { id: user.id, email, name: user.name, isAdmin: false, createdAt: now };
      })();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateEmailError(email);
      throw error;
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const row = this.#db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
    return row && toUser(row);
  }

  async renameUser(userId: string, name: string): Promise<boolean> {
    return this.#db.prepare('UPDATE users SET name = ? WHERE id = ?').run(name, userId).changes > 0;
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = this.#db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?').get(email.trim().toLowerCase());
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async listUsers(): Promise<User[]> {
    return this.#db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email').all().map(toUser);
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  async createSession(session: { tokenHash: string; userId: string; createdAt: number; expiresAt: number; idToken?: string }): Promise<void> {
    this.#db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, id_token) VALUES (?, ?, ?, ?, ?)')
      .run(session.tokenHash, session.userId, session.createdAt, session.expiresAt, session.idToken ?? null);
  }

  async findSession(tokenHash: string, now: number): Promise<{ userId: string; expiresAt: number } | undefined> {
    const row = this.#db
      .prepare<[string, number], { user_id: string; expires_at: number }>(
        'SELECT user_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?',
      )
      .get(tokenHash, now);
    return row && { userId: row.user_id, expiresAt: row.expires_at };
  }

  async deleteSession(tokenHash: string): Promise<{ idToken: string | null } | undefined> {
    const row = this.#db.prepare<[string], { id_token: string | null }>('DELETE FROM sessions WHERE token_hash = ? RETURNING id_token').get(tokenHash);
    return row && { idToken: row.id_token };
  }

  async findUserByIdentity(issuer: string, subject: string): Promise<User | undefined> {
    const row = this.#db
      .prepare<[string, string], UserRow>('SELECT * FROM users WHERE id = (SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?)')
      .get(issuer, subject);
    return row && toUser(row);
  }

  async linkIdentity(identity: { issuer: string; subject: string; userId: string; createdAt: number }): Promise<boolean> {
    const result = this.#db
      .prepare('INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (issuer, subject) DO NOTHING')
      .run(identity.issuer, identity.subject, identity.userId, identity.createdAt);
    return result.changes > 0;
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    this.#db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  async createApiToken(token: { id: string; tokenHash: string; userId: string; name: string; createdAt: number; expiresAt: number | null }): Promise<void> {
    this.#db
      .prepare('INSERT INTO api_tokens (id, token_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(token.id, token.tokenHash, token.userId, token.name, token.createdAt, token.expiresAt);
  }

  async useApiToken(tokenHash: string, now: number): Promise<{ id: string; userId: string } | undefined> {
    const row = this.#db
      .prepare<[string, number], { id: string; user_id: string }>(
        'SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND (expires_at IS NULL OR expires_at > ?)',
      )
      .get(tokenHash, now);
    if (!row) return undefined;
    try {
      this.#db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
    } catch {
      // Best effort: a full or locked disk must not refuse a valid token (the date is informational).
    }
    return { id: row.id, userId: row.user_id };
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    return this.#db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at`).all(userId).map(toToken);
  }

  async revokeApiToken(userId: string | null, id: string): Promise<boolean> {
    if (userId === null) return this.#db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0;
    return this.#db.prepare('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
  }

  async getApiToken(id: string): Promise<ApiTokenRecord | undefined> {
    const row = this.#db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`).get(id);
    return row && toToken(row);
  }

  async credentialHash(kind: 'apiToken' | 'invitation', id: string): Promise<string | undefined> {
    const table = kind === 'apiToken' ? 'api_tokens' : 'invitations';
    return this.#db.prepare<[string], { token_hash: string }>(`SELECT token_hash FROM ${table} WHERE id = ?`).get(id)?.token_hash;
  }

  async createWorkspace(workspace: { id: string; name: string; ownerId: string; createdAt: number }, limits: { maxOwnedPerUser?: number } = {}): Promise<Workspace> {
    this.#db.transaction(() => {
      if (limits.maxOwnedPerUser !== undefined) {
        const count = this.#db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND role = 'owner'").get(workspace.ownerId)!.n;
        if (count >= limits.maxOwnedPerUser) throw new QuotaExceededError('workspaces', limits.maxOwnedPerUser);
      }
      this.#db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(workspace.id, workspace.name, workspace.createdAt);
      this.#db
        .prepare("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)")
        .run(workspace.id, workspace.ownerId, workspace.createdAt);
    })();
    return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt };
  }

  async getWorkspace(id: string): Promise<Workspace | undefined> {
    const row = this.#db.prepare<[string], WorkspaceRow>('SELECT id, name, created_at FROM workspaces WHERE id = ?').get(id);
    return row && toWorkspace(row);
  }

  async renameWorkspace(id: string, name: string): Promise<boolean> {
    return this.#db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(name, id).changes > 0;
  }

  async listOrphanWorkspaces(): Promise<Workspace[]> {
    return this.#db
      .prepare<[], WorkspaceRow>(
        'SELECT id, name, created_at FROM workspaces w WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = w.id) ORDER BY created_at',
      )
      .all()
      .map(toWorkspace);
  }

  /** Creates a workspace nobody belongs to yet (the demo); the first administrator adopts it. */
  async createOrphanWorkspace(workspace: { id: string; name: string; createdAt: number }): Promise<Workspace> {
    this.#db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(workspace.id, workspace.name, workspace.createdAt);
    return workspace;
  }

  async listWorkspaces(): Promise<{ workspace: Workspace; members: number }[]> {
    return this.#db
      .prepare<[], WorkspaceRow & { members: number }>(
        'SELECT w.id, w.name, w.created_at, (SELECT COUNT(*) FROM memberships m WHERE m.workspace_id = w.id) AS members FROM workspaces w ORDER BY w.name, w.id',
      )
      .all()
      .map((row) => ({ workspace: toWorkspace(row), members: row.members }));
  }

  async listWorkspacesOf(userId: string): Promise<{ workspace: Workspace; role: Role }[]> {
    return this.#db
      .prepare<[string], WorkspaceRow & { role: Role }>(
        `SELECT w.id, w.name, w.created_at, m.role FROM workspaces w
         JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = ? ORDER BY w.name COLLATE NOCASE, w.id`,
      )
      .all(userId)
      .map((row) => ({ workspace: toWorkspace(row), role: row.role }));
  }

  async getRole(workspaceId: string, userId: string): Promise<Role | undefined> {
    return this.#db
      .prepare<[string, string], { role: Role }>('SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?')
      .get(workspaceId, userId)?.role;
  }

  async listMembers(workspaceId: string): Promise<Membership[]> {
    return this.#db
      .prepare<[string], UserRow & { role: Role; since: number }>(
        `SELECT u.*, m.role, m.created_at AS since FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = ? ORDER BY u.name COLLATE NOCASE, u.email`,
      )
      .all(workspaceId)
      .map((row) => ({ user: toUser(row), role: row.role, since: row.since }));
  }

  async setMember(workspaceId: string, userId: string, role: Role, now: number): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(workspaceId, userId, role, now);
  }

  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    return this.#db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId).changes > 0;
  }

  async changeMemberKeepingOwner(
    workspaceId: string,
    userId: string,
    role: Role | null,
  ): Promise<{ ok: true; before: Role } | { ok: false; reason: MembershipRefusal }> {
    const change = this.#db.transaction((): { ok: true; before: Role } | { ok: false; reason: MembershipRefusal } => {
      const before = this.#db
        .prepare<[string, string], { role: Role }>('SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?')
        .get(workspaceId, userId)?.role;
      if (!before) return { ok: false, reason: 'not_member' };
      if (role === null) this.#db.prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(workspaceId, userId);
      else this.#db.prepare('UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?').run(role, workspaceId, userId);
      // Counted after the change, inside the transaction: what concurrent calls did is included.
      const owners = this.#db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND role = 'owner'").get(workspaceId)!.n;
      if (owners === 0) throw new LastOwnerRollback();
      return { ok: true, before };
    });
    try {
      return change.immediate();
    } catch (error) {
      if (error instanceof LastOwnerRollback) return { ok: false, reason: 'last_owner' };
      throw error;
    }
  }

  async createInvitation(
    invitation: { id: string; tokenHash: string; workspaceId: string; role: Role; createdBy: string; createdAt: number; expiresAt: number },
    mail?: OutgoingMail,
  ): Promise<Invitation> {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          'INSERT INTO invitations (id, token_hash, workspace_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(invitation.id, invitation.tokenHash, invitation.workspaceId, invitation.role, invitation.createdBy, invitation.createdAt, invitation.expiresAt);
      if (mail) insertSqliteOutboxRow(this.#db, mail);
    })();
    const { tokenHash: _secret, ...stored } = invitation;
    return { ...stored, acceptedBy: null, acceptedAt: null, revokedAt: null };
  }

  async createPasswordReset(reset: { tokenHash: string; userId: string; createdAt: number; expiresAt: number }, mail: OutgoingMail): Promise<void> {
    this.#db.transaction(() => {
      this.#db
        .prepare('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(reset.tokenHash, reset.userId, reset.createdAt, reset.expiresAt);
      insertSqliteOutboxRow(this.#db, mail);
    })();
  }

  async consumePasswordReset(tokenHash: string, now: number, passwordHash: string): Promise<User | undefined> {
    return this.#db.transaction((): User | undefined => {
      const reset = this.#db
        .prepare<[number, string, number], { user_id: string }>('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id')
        .get(now, tokenHash, now);
      if (!reset) return undefined;
      this.#db.prepare('UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, reset.user_id);
      this.#db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, reset.user_id);
      this.#db.prepare('DELETE FROM sessions WHERE user_id = ?').run(reset.user_id);
      const row = this.#db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(reset.user_id);
      return row && toUser(row);
    })();
  }

  async findInvitation(tokenHash: string): Promise<Invitation | undefined> {
    const row = this.#db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash);
    return row && toInvitation(row);
  }

  async listInvitations(workspaceId: string): Promise<Invitation[]> {
    return this.#db
      .prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE workspace_id = ? ORDER BY created_at DESC')
      .all(workspaceId)
      .map(toInvitation);
  }

  async revokeInvitation(workspaceId: string, id: string, now: number): Promise<boolean> {
    return (
      this.#db
        .prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL AND accepted_at IS NULL')
        .run(now, id, workspaceId).changes > 0
    );
  }

  async acceptInvitation(id: string, userId: string, now: number): Promise<boolean> {
    return this.#db.transaction(() => {
      const row = this.#db
        .prepare<[string, number], InvitationRow>(
          'SELECT * FROM invitations WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?',
        )
        .get(id, now);
      if (!row) return false;
      this.#db.prepare('UPDATE invitations SET accepted_by = ?, accepted_at = ? WHERE id = ?').run(userId, now, id);
      const current = this.#db
        .prepare<[string, string], { role: Role }>('SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?')
        .get(row.workspace_id, userId)?.role;
      if (!current || ROLE_RANK[row.role] > ROLE_RANK[current]) {
        this.#db
          .prepare(
            `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
          )
          .run(row.workspace_id, userId, row.role, now);
      }
      return true;
    })();
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.#db
      .prepare(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(entry.at, entry.userId, entry.action, entry.workspaceId ?? null, entry.documentId ?? null, auditDetailText(entry));
  }

  async listAudit(filter: AuditFilter & { limit?: number }): Promise<AuditEntry[]> {
    const { where, values } = auditConditions(filter, () => '?');
    const rows = this.#db
      .prepare<(string | number)[], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
      .all(...values, Math.min(Math.max(filter.limit ?? 200, 1), 10_000));
    return rows.map(toAuditEntry);
  }

  async *readAudit(filter: AuditFilter, options: { pageSize?: number } = {}): AsyncIterable<AuditEntry> {
    const pageSize = auditPageSize(options.pageSize);
    const { where, values } = auditConditions(filter, () => '?');
    const page = this.#db.prepare<(string | number)[], AuditRow & { id: number }>(
      `SELECT id, ${AUDIT_COLUMNS} FROM audit_log WHERE ${[...where, 'id > ?'].join(' AND ')} ORDER BY id LIMIT ?`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all(...values, after, pageSize);
      for (const row of rows) yield toAuditEntry(row);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  }
}
