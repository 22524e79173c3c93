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

  it('names the PostgreSQL SQLSTATEs of a full disk, a read-only database and a lock or timeout', () => {
    expect(storageFaultKind(sqliteError('53100'))).toBe('full');
    expect(storageFaultKind(sqliteError('25006'))).toBe('readonly');
    expect(storageFaultKind(sqliteError('55P03'))).toBe('busy');
    expect(storageFaultKind(sqliteError('40P01'))).toBe('busy');
    expect(storageFaultKind(sqliteError('57014'))).toBe('busy');
  });

  it('calls an unreachable PostgreSQL other: refused, ended by a restart, or lost', () => {
    expect(storageFaultKind(sqliteError('ECONNREFUSED'))).toBe('other');
    expect(storageFaultKind(sqliteError('57P01'))).toBe('other');
    expect(storageFaultKind(sqliteError('08006'))).toBe('other');
    expect(storageFaultKind(new Error('Connection terminated unexpectedly'))).toBe('other');
  });

  it('calls anything else other, including values that are not errors', () => {
    expect(storageFaultKind(sqliteError('SQLITE_IOERR_WRITE'))).toBe('other');
    expect(storageFaultKind(new Error('boom'))).toBe('other');
    expect(storageFaultKind(undefined)).toBe('other');
    expect(storageFaultKind('SQLITE_FULL')).toBe('other');
  });
});
