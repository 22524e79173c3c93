import type { StorageFaultKind } from '@canevas/core';

/**
 * Classifies a failed write from its SQLite result code (better-sqlite3 sets `code` to
 * `SQLITE_FULL`, `SQLITE_BUSY_SNAPSHOT`…) or the system error code of another backend.
 */
export function storageFaultKind(error: unknown): StorageFaultKind {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  return 'other';
}
