import { expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import type { MailOutbox, OutboxMessage, OutgoingMail } from './MailOutbox.js';
import { MailWorker, retryDelay } from './MailWorker.js';
import type { MailTransport } from './SmtpTransport.js';

it('waits twice as long after each failure, up to the longest delay', () => {
  const retry = { baseMs: 1000, maxMs: 5000 };
  expect([1, 2, 3, 4, 5].map((attempts) => retryDelay(retry, attempts))).toEqual([1000, 2000, 4000, 5000, 5000]);
});

/** An outbox in memory with the contract's semantics (the engines have their contract tests). */
class MemoryOutbox implements MailOutbox {
  readonly rows = new Map<string, OutboxMessage & { nextAttemptAt: number; lockedUntil: number }>();
  async enqueue(mail: OutgoingMail) {
    this.rows.set(mail.id, { ...mail, attempts: 0, lastError: null, nextAttemptAt: mail.createdAt, lockedUntil: 0 });
  }
  async claimDue(now: number, options: { limit: number; leaseMs: number }) {
    const due = [...this.rows.values()].filter((row) => row.nextAttemptAt <= now && row.lockedUntil <= now).slice(0, options.limit);
    for (const row of due) row.lockedUntil = now + options.leaseMs;
    return due.map(({ nextAttemptAt: _n, lockedUntil: _l, ...message }) => message);
  }
  async markSent(id: string) {
    this.rows.delete(id);
  }
  async markFailed(id: string, failure: { error: string; nextAttemptAt: number }) {
    const row = this.rows.get(id)!;
    Object.assign(row, { attempts: row.attempts + 1, lastError: failure.error, nextAttemptAt: failure.nextAttemptAt, lockedUntil: 0 });
  }
  async releaseStaleLeases() {
    for (const row of this.rows.values()) row.lockedUntil = 0;
  }
  async stats() {
    return { waiting: this.rows.size, failing: [...this.rows.values()].filter((row) => row.attempts > 0).length, oldestAt: null };
  }
}

it('sends what is due, keeps a failed message with its next attempt pushed back, and sends it once the transport works', async () => {
  let clock = 1000;
  const outbox = new MemoryOutbox();
  const sent: string[] = [];
  let down = true;
  const transport: MailTransport = {
    async send(message) {
      if (down) throw new Error('ECONNREFUSED');
      sent.push(message.id);
    },
    close() {},
  };
  const worker = new MailWorker({ outbox, transport, logger: silentLogger, retry: { baseMs: 100, maxMs: 1000 }, pollMs: 60_000, now: () => clock });
  await outbox.enqueue({ id: 'm1', to: 'awa@exemple.fr', subject: 's', text: 't', html: 'h', createdAt: 1000 });
  await worker.sendDue();
  expect(outbox.rows.get('m1')).toMatchObject({ attempts: 1, lastError: 'ECONNREFUSED', nextAttemptAt: 1100, lockedUntil: 0 });

  const again = new MailWorker({ outbox, transport, logger: silentLogger, retry: { baseMs: 100, maxMs: 1000 }, pollMs: 60_000, now: () => clock });
  down = false;
  await again.sendDue();
  // Not due yet: untouched.
  expect(sent).toEqual([]);
  clock = 1100;
  const third = new MailWorker({ outbox, transport, logger: silentLogger, pollMs: 60_000, now: () => clock });
  await third.sendDue();
  expect(sent).toEqual(['m1']);
  expect(outbox.rows.size).toBe(0);
});
