import type { AuditEntry } from './AccountStore.js';

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
