import type { StorageStatusKind } from '@canevas/core';

/** Why the store refuses writes: a full disk, a lock held elsewhere, a read-only file, or else. */
export type StorageFaultKind = Exclude<StorageStatusKind, 'quota'>;

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
