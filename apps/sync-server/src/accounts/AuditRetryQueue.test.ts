import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.js';
import type { AccountStore, AuditEntry } from './AccountStore.js';
import { AuditRetryQueue } from './AuditRetryQueue.js';

/** An audit log that refuses writes while `failing`, as SQLite does on a full disk. */
function flakyAuditLog() {
  const written: AuditEntry[] = [];
  const log = {
    failing: true,
    written,
    accounts: {
      async audit(entry: AuditEntry) {
        if (log.failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        written.push(entry);
      },
    } as Pick<AccountStore, 'audit'> as AccountStore,
  };
  return log;
}

function recordingLogger() {
  const events: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void events.push({ level, event, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, events };
}

const opening = (at: number): AuditEntry => ({ at, userId: 'u1', action: 'document.open', documentId: 'd1' });

describe('AuditRetryQueue', () => {
  it('keeps refused entries in order and writes them before the next one', async () => {
    const log = flakyAuditLog();
    const { logger, events } = recordingLogger();
    const queue = new AuditRetryQueue({ accounts: log.accounts, logger, retryMs: 60_000 });
    await queue.record(opening(1));
    await queue.record(opening(2));
    expect(queue.pending).toBe(2);
    expect(events.filter((entry) => entry.event === 'audit.deferred')).toHaveLength(1);

    log.failing = false;
    await queue.record(opening(3));
    expect(log.written.map((entry) => entry.at)).toEqual([1, 2, 3]);
    expect(queue.pending).toBe(0);
    await queue.close();
  });

  it('drops the oldest past its bound, says so, and reports what shutdown could not write', async () => {
    const log = flakyAuditLog();
    const { logger, events } = recordingLogger();
    const queue = new AuditRetryQueue({ accounts: log.accounts, logger, maxPending: 2, retryMs: 60_000 });
    for (const at of [1, 2, 3, 4]) await queue.record(opening(at));
    expect(queue.pending).toBe(2);
    expect(events.find((entry) => entry.event === 'audit.entries_dropped')).toMatchObject({ level: 'error', fields: { dropped: 1, bound: 2 } });

    await queue.close();
    expect(events.at(-1)).toMatchObject({ level: 'error', event: 'audit.entries_lost', fields: { count: 2, actions: { 'document.open': 2 } } });
  });

  it('writes what waits at shutdown once the store accepts again', async () => {
    const log = flakyAuditLog();
    const { logger } = recordingLogger();
    const queue = new AuditRetryQueue({ accounts: log.accounts, logger, retryMs: 60_000 });
    await queue.record(opening(1));
    log.failing = false;
    await queue.close();
    expect(log.written.map((entry) => entry.at)).toEqual([1]);
  });
});
