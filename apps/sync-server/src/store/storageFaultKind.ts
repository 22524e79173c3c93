import type { StorageFaultKind } from '@canevas/core';

/**
 * PostgreSQL's SQLSTATEs (node-postgres sets `code` to them) for the same three faults. An
 * unreachable server (ECONNREFUSED, a connection ended by a restart: class 08, 57P01…) is `other`:
 * the page cannot say more than « the server cannot store » about it, and the retry is the same.
 */
const POSTGRES_KINDS: Record<string, StorageFaultKind> = {
  '53100': 'full', // disk_full
  '25006': 'readonly', // read_only_sql_transaction (default_transaction_read_only, a standby)
  '55P03': 'busy', // lock_not_available
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '57014': 'busy', // query_canceled: statement_timeout, a lock waited for too long
  '53300': 'busy', // too_many_connections
  '57P03': 'busy', // cannot_connect_now: the server is starting
};

/**
 * Classifies a failed write from its SQLite result code (better-sqlite3 sets `code` to
 * `SQLITE_FULL`, `SQLITE_BUSY_SNAPSHOT`…), its PostgreSQL SQLSTATE, or the system error code of
 * another backend.
 */
export function storageFaultKind(error: unknown): StorageFaultKind {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  return POSTGRES_KINDS[code] ?? 'other';
}
