import type pg from 'pg';
import {
  DuplicateEmailError,
  type AccountStore,
  type ApiTokenRecord,
  type AuditEntry,
  type AuditFilter,
  type Invitation,
  type Membership,
  type MembershipRefusal,
  type Role,
  type User,
  type UserWithPassword,
  type Workspace,
} from './AccountStore.js';
import {
  AUDIT_COLUMNS,
  INVITATION_COLUMNS,
  TOKEN_COLUMNS,
  USER_COLUMNS,
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
import { inTransaction } from '../store/postgresPool.js';
import { QuotaExceededError } from '../store/quotas.js';
import { insertPostgresOutboxRow } from '../store/PostgresMailOutbox.js';
import type { OutgoingMail } from '../mail/MailOutbox.js';

/** SQL rank of a role, for « keep the higher of the two ». */
const RANK = (column: string) => `array_position(ARRAY['viewer', 'tutor', 'editor', 'owner'], ${column})`;
/** Byte order, as SQLite sorts: the listing must not depend on the database's locale. */
const C = 'COLLATE "C"';

const UNIQUE_VIOLATION = '23505';

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;

/** Thrown inside a transaction to roll it back when it would leave a workspace without owner. */
class LastOwnerRollback extends Error {}

/** Accounts on PostgreSQL, in the document store's database (the same migrations create them). */
export class PostgresAccountStore implements AccountStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users');
    return rows[0]!.n;
  }

  async createUser(user: { id: string; email: string; name: string; passwordHash: string | null; isAdmin: boolean; createdAt: number }): Promise<User> {
    const email = user.email.trim().toLowerCase();
    try {
      await this.#pool.query('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        user.id,
        email,
        user.name,
        user.passwordHash,
        user.isAdmin,
        user.createdAt,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateEmailError(email);
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
      return await inTransaction(this.#pool, async (client): Promise<User | undefined> => {
        // The conditional update is the check: of two concurrent calls, one finds it used.
        const { rows } = await client.query<{ workspace_id: string; role: Role }>(
          `UPDATE invitations SET accepted_by = $2, accepted_at = $3
           WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3 RETURNING workspace_id, role`,
          [invitationId, user.id, now],
        );
        const invitation = rows[0];
        if (!invitation) return undefined;
        await client.query('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, false, $5)', [
          user.id,
          email,
          user.name,
          user.passwordHash,
          now,
        ]);
        await client.query('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)', [
          invitation.workspace_id,
          user.id,
          invitation.role,
          now,
        ]);
        return { id: user.id, email, name: user.name, isAdmin: false, createdAt: now };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateEmailError(email);
      throw error;
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const { rows } = await this.#pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const { rows } = await this.#pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email.trim().toLowerCase()]);
    return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
  }

  async listUsers(): Promise<User[]> {
    const { rows } = await this.#pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY email ${C}`);
    return rows.map(toUser);
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.#pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async renameUser(userId: string, name: string): Promise<boolean> {
    return ((await this.#pool.query('UPDATE users SET name = $1 WHERE id = $2', [name, userId])).rowCount ?? 0) > 0;
  }

  async createSession(session: { tokenHash: string; userId: string; createdAt: number; expiresAt: number; idToken?: string }): Promise<void> {
    await this.#pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, id_token) VALUES ($1, $2, $3, $4, $5)', [
      session.tokenHash,
      session.userId,
      session.createdAt,
      session.expiresAt,
      session.idToken ?? null,
    ]);
  }

  async findSession(tokenHash: string, now: number): Promise<{ userId: string; expiresAt: number } | undefined> {
    const { rows } = await this.#pool.query<{ user_id: string; expires_at: number }>(
      'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2',
      [tokenHash, now],
    );
    return rows[0] && { userId: rows[0].user_id, expiresAt: rows[0].expires_at };
  }

  async deleteSession(tokenHash: string): Promise<{ idToken: string | null } | undefined> {
    const { rows } = await this.#pool.query<{ id_token: string | null }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING id_token', [tokenHash]);
    return rows[0] && { idToken: rows[0].id_token };
  }

  async findUserByIdentity(issuer: string, subject: string): Promise<User | undefined> {
    const { rows } = await this.#pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = (SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2)`,
      [issuer, subject],
    );
    return rows[0] && toUser(rows[0]);
  }

  async linkIdentity(identity: { issuer: string; subject: string; userId: string; createdAt: number }): Promise<boolean> {
    const result = await this.#pool.query(
      'INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (issuer, subject) DO NOTHING',
      [identity.issuer, identity.subject, identity.userId, identity.createdAt],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async createApiToken(token: { id: string; tokenHash: string; userId: string; name: string; createdAt: number; expiresAt: number | null }): Promise<void> {
    await this.#pool.query('INSERT INTO api_tokens (id, token_hash, user_id, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      token.id,
      token.tokenHash,
      token.userId,
      token.name,
      token.createdAt,
      token.expiresAt,
    ]);
  }

  async useApiToken(tokenHash: string, now: number): Promise<{ id: string; userId: string } | undefined> {
    const { rows } = await this.#pool.query<{ id: string; user_id: string }>(
      'SELECT id, user_id FROM api_tokens WHERE token_hash = $1 AND (expires_at IS NULL OR expires_at > $2)',
      [tokenHash, now],
    );
    const row = rows[0];
    if (!row) return undefined;
    try {
      await this.#pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [now, row.id]);
    } catch {
      // Best effort: a full or read-only database must not refuse a valid token (the date is informational).
    }
    return { id: row.id, userId: row.user_id };
  }

  async listApiTokens(userId: string): Promise<ApiTokenRecord[]> {
    const { rows } = await this.#pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id ${C}`, [userId]);
    return rows.map(toToken);
  }

  async revokeApiToken(userId: string | null, id: string): Promise<boolean> {
    const result =
      userId === null
        ? await this.#pool.query('DELETE FROM api_tokens WHERE id = $1', [id])
        : await this.#pool.query('DELETE FROM api_tokens WHERE id = $1 AND user_id = $2', [id, userId]);
    return (result.rowCount ?? 0) > 0;
  }

  async getApiToken(id: string): Promise<ApiTokenRecord | undefined> {
    const { rows } = await this.#pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
    return rows[0] && toToken(rows[0]);
  }

  async credentialHash(kind: 'apiToken' | 'invitation', id: string): Promise<string | undefined> {
    const table = kind === 'apiToken' ? 'api_tokens' : 'invitations';
    const { rows } = await this.#pool.query<{ token_hash: string }>(`SELECT token_hash FROM ${table} WHERE id = $1`, [id]);
    return rows[0]?.token_hash;
  }

  async createWorkspace(workspace: { id: string; name: string; ownerId: string; createdAt: number }, limits: { maxOwnedPerUser?: number } = {}): Promise<Workspace> {
    await inTransaction(this.#pool, async (client) => {
      if (limits.maxOwnedPerUser !== undefined) {
        // Two creations by one owner count one after the other.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2))', [workspace.ownerId]);
        const { rows } = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM memberships WHERE user_id = $1 AND role = 'owner'", [workspace.ownerId]);
        if (rows[0]!.n >= limits.maxOwnedPerUser) throw new QuotaExceededError('workspaces', limits.maxOwnedPerUser);
      }
      await client.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [workspace.id, workspace.name, workspace.createdAt]);
      await client.query("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'owner', $3)", [
        workspace.id,
        workspace.ownerId,
        workspace.createdAt,
      ]);
    });
    return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt };
  }

  async getWorkspace(id: string): Promise<Workspace | undefined> {
    const { rows } = await this.#pool.query<WorkspaceRow>('SELECT id, name, created_at FROM workspaces WHERE id = $1', [id]);
    return rows[0] && toWorkspace(rows[0]);
  }

  async renameWorkspace(id: string, name: string): Promise<boolean> {
    return ((await this.#pool.query('UPDATE workspaces SET name = $1 WHERE id = $2', [name, id])).rowCount ?? 0) > 0;
  }

  async listOrphanWorkspaces(): Promise<Workspace[]> {
    const { rows } = await this.#pool.query<WorkspaceRow>(
      `SELECT id, name, created_at FROM workspaces w WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = w.id) ORDER BY created_at, id ${C}`,
    );
    return rows.map(toWorkspace);
  }

  async createOrphanWorkspace(workspace: { id: string; name: string; createdAt: number }): Promise<Workspace> {
    await this.#pool.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [workspace.id, workspace.name, workspace.createdAt]);
    return workspace;
  }

  async listWorkspaces(): Promise<{ workspace: Workspace; members: number }[]> {
    const { rows } = await this.#pool.query<WorkspaceRow & { members: number }>(
      `SELECT w.id, w.name, w.created_at, (SELECT COUNT(*)::int FROM memberships m WHERE m.workspace_id = w.id) AS members
       FROM workspaces w ORDER BY w.name ${C}, w.id ${C}`,
    );
    return rows.map((row) => ({ workspace: toWorkspace(row), members: row.members }));
  }

  async listWorkspacesOf(userId: string): Promise<{ workspace: Workspace; role: Role }[]> {
    const { rows } = await this.#pool.query<WorkspaceRow & { role: Role }>(
      `SELECT w.id, w.name, w.created_at, m.role FROM workspaces w
       JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY lower(w.name) ${C}, w.id ${C}`,
      [userId],
    );
    return rows.map((row) => ({ workspace: toWorkspace(row), role: row.role }));
  }

  async getRole(workspaceId: string, userId: string): Promise<Role | undefined> {
    const { rows } = await this.#pool.query<{ role: Role }>('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return rows[0]?.role;
  }

  async listMembers(workspaceId: string): Promise<Membership[]> {
    const { rows } = await this.#pool.query<UserRow & { role: Role; since: number }>(
      `SELECT u.id, u.email, u.name, u.password_hash, u.is_admin, u.created_at, m.role, m.created_at AS since
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = $1 ORDER BY lower(u.name) ${C}, u.email ${C}`,
      [workspaceId],
    );
    return rows.map((row) => ({ user: toUser(row), role: row.role, since: row.since }));
  }

  async setMember(workspaceId: string, userId: string, role: Role, now: number): Promise<void> {
    await this.#pool.query(
      `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
      [workspaceId, userId, role, now],
    );
  }

  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    return ((await this.#pool.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId])).rowCount ?? 0) > 0;
  }

  async changeMemberKeepingOwner(
    workspaceId: string,
    userId: string,
    role: Role | null,
  ): Promise<{ ok: true; before: Role } | { ok: false; reason: MembershipRefusal }> {
    try {
      return await inTransaction(this.#pool, async (client): Promise<{ ok: true; before: Role } | { ok: false; reason: MembershipRefusal }> => {
        // Locks the workspace's memberships: two owners demoting each other count one after the other.
        const { rows } = await client.query<{ user_id: string; role: Role }>(
          'SELECT user_id, role FROM memberships WHERE workspace_id = $1 ORDER BY user_id FOR UPDATE',
          [workspaceId],
        );
        const before = rows.find((row) => row.user_id === userId)?.role;
        if (!before) return { ok: false, reason: 'not_member' };
        if (role === null) await client.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
        else await client.query('UPDATE memberships SET role = $1 WHERE workspace_id = $2 AND user_id = $3', [role, workspaceId, userId]);
        const owners = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'", [workspaceId]);
        if (owners.rows[0]!.n === 0) throw new LastOwnerRollback();
        return { ok: true, before };
      });
    } catch (error) {
      if (error instanceof LastOwnerRollback) return { ok: false, reason: 'last_owner' };
      throw error;
    }
  }

  async createInvitation(
    invitation: { id: string; tokenHash: string; workspaceId: string; role: Role; createdBy: string; createdAt: number; expiresAt: number },
    mail?: OutgoingMail,
  ): Promise<Invitation> {
    await inTransaction(this.#pool, async (client) => {
      await client.query(
        'INSERT INTO invitations (id, token_hash, workspace_id, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [invitation.id, invitation.tokenHash, invitation.workspaceId, invitation.role, invitation.createdBy, invitation.createdAt, invitation.expiresAt],
      );
      if (mail) await insertPostgresOutboxRow(client, mail);
    });
    const { tokenHash: _secret, ...stored } = invitation;
    return { ...stored, acceptedBy: null, acceptedAt: null, revokedAt: null };
  }

  async createPasswordReset(reset: { tokenHash: string; userId: string; createdAt: number; expiresAt: number }, mail: OutgoingMail): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        reset.tokenHash,
        reset.userId,
        reset.createdAt,
        reset.expiresAt,
      ]);
      await insertPostgresOutboxRow(client, mail);
    });
  }

  async consumePasswordReset(tokenHash: string, now: number, passwordHash: string): Promise<User | undefined> {
    return inTransaction(this.#pool, async (client): Promise<User | undefined> => {
      // The conditional update is the check: of two concurrent uses, one finds it used.
      const { rows } = await client.query<{ user_id: string }>(
        'UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id',
        [now, tokenHash],
      );
      const userId = rows[0]?.user_id;
      if (!userId) return undefined;
      await client.query('UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL', [now, userId]);
      await client.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
      await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      const user = await client.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [userId]);
      return user.rows[0] && toUser(user.rows[0]);
    });
  }

  async findInvitation(tokenHash: string): Promise<Invitation | undefined> {
    const { rows } = await this.#pool.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1`, [tokenHash]);
    return rows[0] && toInvitation(rows[0]);
  }

  async listInvitations(workspaceId: string): Promise<Invitation[]> {
    const { rows } = await this.#pool.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE workspace_id = $1 ORDER BY created_at DESC, id ${C}`,
      [workspaceId],
    );
    return rows.map(toInvitation);
  }

  async revokeInvitation(workspaceId: string, id: string, now: number): Promise<boolean> {
    const result = await this.#pool.query(
      'UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND workspace_id = $3 AND revoked_at IS NULL AND accepted_at IS NULL',
      [now, id, workspaceId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async acceptInvitation(id: string, userId: string, now: number): Promise<boolean> {
    return inTransaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ workspace_id: string; role: Role }>(
        `UPDATE invitations SET accepted_by = $2, accepted_at = $3
         WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3 RETURNING workspace_id, role`,
        [id, userId, now],
      );
      const invitation = rows[0];
      if (!invitation) return false;
      // A current member keeps the higher of the two roles.
      await client.query(
        `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
         WHERE ${RANK('excluded.role')} > ${RANK('memberships.role')}`,
        [invitation.workspace_id, userId, invitation.role, now],
      );
      return true;
    });
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.#pool.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      entry.at,
      entry.userId,
      entry.action,
      entry.workspaceId ?? null,
      entry.documentId ?? null,
      auditDetailText(entry),
    ]);
  }

  async listAudit(filter: AuditFilter & { limit?: number }): Promise<AuditEntry[]> {
    const { where, values } = auditConditions(filter, (position) => `$${position}`);
    const { rows } = await this.#pool.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${values.length + 1}`,
      [...values, Math.min(Math.max(filter.limit ?? 200, 1), 10_000)],
    );
    return rows.map(toAuditEntry);
  }

  async *readAudit(filter: AuditFilter, options: { pageSize?: number } = {}): AsyncIterable<AuditEntry> {
    const pageSize = auditPageSize(options.pageSize);
    const { where, values } = auditConditions(filter, (position) => `$${position}`);
    const sql = `SELECT id, ${AUDIT_COLUMNS} FROM audit_log WHERE ${[...where, `id > $${values.length + 1}`].join(' AND ')} ORDER BY id LIMIT $${values.length + 2}`;
    let after = 0;
    for (;;) {
      const { rows } = await this.#pool.query<AuditRow & { id: number }>(sql, [...values, after, pageSize]);
      for (const row of rows) yield toAuditEntry(row);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.id;
    }
  }
}
