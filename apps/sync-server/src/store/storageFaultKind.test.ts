import { describe, expect, it } from 'vitest';
import { storageFaultKind } from './storageFaultKind.js';

const sqliteError = (code: string) => Object.assign(new Error(code), { code });

describe('storageFaultKind', () => {
  it('names the SQLite result codes of a full disk, a lock and a read-only file', () => {
    expect(storageFaultKind(sqliteError('SQLITE_FULL'))).toBe('full');
    expect(storageFaultKind(sqliteError('SQLITE_BUSY'))).toBe('busy');
    expect(storageFaultKind(sqliteError('SQLITE_BUSY_SNAPSHOT'))).toBe('busy');
    expect(storageFaultKind(sqliteError('SQLITE_LOCKED'))).toBe('busy');
    expect(storageFaultKind(sqliteError('SQLITE_READONLY'))).toBe('readonly');
    expect(storageFaultKind(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('readonly');
    expect(storageFaultKind(sqliteError('ENOSPC'))).toBe('full');
  });

  it('calls anything else other, including values that are not errors', () => {
    expect(storageFaultKind(sqliteError('SQLITE_IOERR_WRITE'))).toBe('other');
    expect(storageFaultKind(new Error('boom'))).toBe('other');
    expect(storageFaultKind(undefined)).toBe('other');
    expect(storageFaultKind('SQLITE_FULL')).toBe('other');
  });
});
