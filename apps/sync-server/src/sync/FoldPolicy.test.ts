import { describe, expect, it } from 'vitest';
import { FoldPolicy } from './FoldPolicy.js';
import { IdleFolds } from './IdleFolds.js';
import { RoomLog } from './RoomLog.js';

const policy = new FoldPolicy({ threshold: 500, idleDelayMs: 30_000 });

describe('FoldPolicy', () => {
  it('folds an open log once it holds the threshold in rows and twice the snapshot in bytes', () => {
    expect(policy.foldsOpen({ rows: 499, bytes: 10_000, snapshotBytes: 100 }, 0)).toBe(false);
    expect(policy.foldsOpen({ rows: 500, bytes: 10_000, snapshotBytes: 100 }, 0)).toBe(true);
    // A large snapshot is rewritten whole: a log of 500 keystrokes is not worth it yet.
    expect(policy.foldsOpen({ rows: 500, bytes: 1999, snapshotBytes: 1000 }, 0)).toBe(false);
    expect(policy.foldsOpen({ rows: 500, bytes: 2000, snapshotBytes: 1000 }, 0)).toBe(true);
  });

  it('waits for the retry time after a failed fold', () => {
    const log = { rows: 600, bytes: 10_000, snapshotBytes: 0 };
    expect(policy.foldsOpen(log, 999, 1000)).toBe(false);
    expect(policy.foldsOpen(log, 1000, 1000)).toBe(true);
  });

  it('at an unload, folds a log as large as the snapshot now, a shorter one later, an empty one never', () => {
    expect(policy.atUnload({ rows: 500, bytes: 1000, snapshotBytes: 1000 })).toBe('now');
    expect(policy.atUnload({ rows: 500, bytes: 999, snapshotBytes: 1000 })).toBe('later');
    expect(policy.atUnload({ rows: 1, bytes: 10, snapshotBytes: 0 })).toBe('later');
    expect(policy.atUnload({ rows: 0, bytes: 0, snapshotBytes: 1000 })).toBe('none');
  });

  it('backs off after failed folds: 1 s doubling to a minute', () => {
    expect([1, 2, 3, 6, 7, 20].map((failures) => policy.retryDelay(failures))).toEqual([1000, 2000, 4000, 32_000, 60_000, 60_000]);
    expect(new FoldPolicy({ firstRetryMs: 10, maxRetryMs: 25 }).retryDelay(3)).toBe(25);
  });

  it('defaults to 500 rows and 30 s', () => {
    const defaults = new FoldPolicy();
    expect([defaults.threshold, defaults.idleDelayMs]).toEqual([500, 30_000]);
  });
});

describe('RoomLog', () => {
  const update = (bytes: number) => ({ update: new Uint8Array(bytes) });

  it('counts committed rows and bytes, and a fold from memory empties it', () => {
    const log = new RoomLog({ rows: 2, bytes: 20, snapshotBytes: 100 });
    log.appended([update(5), update(7)]);
    expect({ rows: log.rows, bytes: log.bytes, snapshotBytes: log.snapshotBytes }).toEqual({ rows: 4, bytes: 32, snapshotBytes: 100 });
    log.folded(130);
    expect({ rows: log.rows, bytes: log.bytes, snapshotBytes: log.snapshotBytes }).toEqual({ rows: 0, bytes: 0, snapshotBytes: 130 });
  });

  it('a fold from the store drops only what it folded: rows committed meanwhile stay counted', () => {
    const log = new RoomLog({ rows: 10, bytes: 100, snapshotBytes: 0 });
    log.appended([update(4)]);
    log.folded(90, { rows: 10, bytes: 100 });
    expect({ rows: log.rows, bytes: log.bytes, snapshotBytes: log.snapshotBytes }).toEqual({ rows: 1, bytes: 4, snapshotBytes: 90 });
  });

  it('sets the retry time from the policy after each failure, and clears it once a fold succeeds', () => {
    const log = new RoomLog({ rows: 600, bytes: 10_000, snapshotBytes: 0 });
    expect(log.foldFailed(10_000, policy)).toBe(1000);
    expect(log.foldFailed(11_000, policy)).toBe(2000);
    expect(log.foldRetryAt).toBe(13_000);
    expect(policy.foldsOpen(log, 12_999, log.foldRetryAt)).toBe(false);
    log.folded(500);
    expect(log.foldRetryAt).toBe(0);
    // The count of failures starts again.
    expect(log.foldFailed(20_000, policy)).toBe(1000);
  });
});

describe('IdleFolds', () => {
  it('makes a room due after the idle delay, and tells when the next one is', () => {
    const folds = new IdleFolds(30_000);
    folds.schedule('a', 0);
    folds.schedule('b', 10_000);
    expect(folds.dueAt(29_999)).toEqual([]);
    expect(folds.nextAfter(29_999)).toBe(1);
    expect(folds.dueAt(30_000)).toEqual(['a']);
    expect(folds.nextAfter(30_000)).toBe(10_000);
    expect(folds.dueAt(40_000).sort()).toEqual(['a', 'b']);
    expect(folds.nextAfter(40_000)).toBeUndefined();
  });

  it('forgets a room reopened or deleted, and lists every room for a stop', () => {
    const folds = new IdleFolds(1000);
    folds.schedule('a', 0);
    folds.schedule('b', 0);
    expect(folds.cancel('a')).toBe(true);
    expect(folds.cancel('a')).toBe(false);
    expect(folds.has('b')).toBe(true);
    expect(folds.rooms()).toEqual(['b']);
    expect(folds.dueAt(5000)).toEqual(['b']);
  });

  it('a room unloaded again is due after its latest unload', () => {
    const folds = new IdleFolds(1000);
    folds.schedule('a', 0);
    folds.schedule('a', 800);
    expect(folds.dueAt(1000)).toEqual([]);
    expect(folds.dueAt(1800)).toEqual(['a']);
  });
});
