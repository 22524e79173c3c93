import type { ApiTokenRecord, AuditEntry, AuditFilter, Invitation, Role, User, Workspace } from './AccountStore.js';

// Rows of the account tables as both engines return them (same column names in SQLite and
// PostgreSQL), and the one mapping of each to what the AccountStore interface gives.

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  /** SQLite stores 0 or 1, PostgreSQL a boolean. */
  is_admin: number | boolean;
  created_at: number;
}

export const USER_COLUMNS = 'id, email, name, password_hash, is_admin, created_at';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === true || row.is_admin === 1,
  createdAt: row.created_at,
});

export interface InvitationRow {
  id: string;
  workspace_id: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  accepted_by: string | null;
  accepted_at: number | null;
  revoked_at: number | null;
}

export const INVITATION_COLUMNS = 'id, workspace_id, role, created_by, created_at, expires_at, accepted_by, accepted_at, revoked_at';

export const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  workspaceId: row.workspace_id,
  role: row.role,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedBy: row.accepted_by,
  acceptedAt: row.accepted_at,
  revokedAt: row.revoked_at,
});

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

export const TOKEN_COLUMNS = 'id, user_id, name, created_at, expires_at, last_used_at';

export const toToken = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
});

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: number;
}

export const toWorkspace = (row: WorkspaceRow): Workspace => ({ id: row.id, name: row.name, createdAt: row.created_at });

/** An `audit_log` row as both engines return it (same column names in SQLite and PostgreSQL). */
export interface AuditRow {
  at: number;
  user_id: string | null;
  action: string;
  workspace_id: string | null;
  document_id: string | null;
  /** JSON text. */
  detail: string | null;
}

export const AUDIT_COLUMNS = 'at, user_id, action, workspace_id, document_id, detail';

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  at: row.at,
  userId: row.user_id,
  action: row.action,
  workspaceId: row.workspace_id,
  documentId: row.document_id,
  ...(row.detail !== null && { detail: JSON.parse(row.detail) as Record<string, unknown> }),
});

/** The `detail` column's text for an entry (absent stays NULL). */
export const auditDetailText = (entry: AuditEntry): string | null => (entry.detail ? JSON.stringify(entry.detail) : null);

/** Page size of `AccountStore.readAudit`: its default and its bounds. */
export const AUDIT_PAGE = { default: 1_000, max: 10_000 } as const;

export const auditPageSize = (requested: number | undefined): number => Math.min(Math.max(Math.trunc(requested ?? AUDIT_PAGE.default), 1), AUDIT_PAGE.max);

/**
 * The SQL conditions of an audit filter, with their values in order; `placeholder(n)` writes the
 * engine's n-th parameter (`?` for SQLite, `$n` for PostgreSQL).
 */
export function auditConditions(filter: AuditFilter, placeholder: (position: number) => string): { where: string[]; values: string[] } {
  const where: string[] = [];
  const values: string[] = [];
  for (const [column, value] of [
    ['document_id', filter.documentId],
    ['workspace_id', filter.workspaceId],
    ['user_id', filter.userId],
  ] as const) {
    if (value === undefined) continue;
    values.push(value);
    where.push(`${column} = ${placeholder(values.length)}`);
  }
  return { where, values };
}
