import type { Logger } from '../logger.js';
import type { MailOutbox } from './MailOutbox.js';
import type { MailTransport } from './SmtpTransport.js';

export interface MailRetry {
  /** Delay after the first failure; it doubles after each (exponential backoff). Default 30 s. */
  baseMs: number;
  /** Longest delay between two attempts. Default one hour. */
  maxMs: number;
}

export const DEFAULT_MAIL_RETRY: MailRetry = { baseMs: 30_000, maxMs: 3600_000 };

export interface MailWorkerOptions {
  outbox: MailOutbox;
  transport: MailTransport;
  logger: Logger;
  retry?: MailRetry;
  /** How often the outbox is read for due messages (retries, other instances' messages). Default 5 s. */
  pollMs?: number;
  /** How long a claimed message is kept from other workers. Default 2 min (beyond the SMTP timeouts). */
  leaseMs?: number;
  now?: () => number;
}

/** The delay before attempt `attempts + 1`, `attempts` failures having happened. */
export function retryDelay(retry: MailRetry, attempts: number): number {
  return Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what the outbox holds: claims due messages, hands each to the transport, deletes it once
 * accepted, or schedules it again with exponential backoff. Woken at once when a message is
 * written (`nudge`), and every `pollMs` for retries and for messages other instances wrote. A
 * failing store only delays mail: the next pass tries again.
 */
export class MailWorker {
  readonly #outbox: MailOutbox;
  readonly #transport: MailTransport;
  readonly #logger: Logger;
  readonly #retry: MailRetry;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(options: MailWorkerOptions) {
    this.#outbox = options.outbox;
    this.#transport = options.transport;
    this.#logger = options.logger;
    this.#retry = options.retry ?? DEFAULT_MAIL_RETRY;
    this.#pollMs = options.pollMs ?? 5000;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Frees what a crashed run left leased (see MailOutbox.releaseStaleLeases), sends what is due
   * (messages of a previous run included), then keeps polling.
   */
  start(): void {
    if (this.#stopped || this.#running) return;
    const released = this.#outbox.releaseStaleLeases().catch((error: unknown) => this.#logger.error('mail.outbox_failed', { error }));
    this.#run(released.then(() => this.sendDue()));
  }

  /** Something was written to the outbox: look now rather than at the next poll. */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#run(this.sendDue());
  }

  #run(pass: Promise<void>): void {
    clearTimeout(this.#timer);
    this.#running = pass.finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      } else {
        this.#timer = setTimeout(() => this.nudge(), this.#pollMs);
        this.#timer.unref();
      }
    });
  }

  /** One pass: sends every message due now, then resolves (the polling loop's step; tests call it directly). */
  async sendDue(): Promise<void> {
    try {
      for (;;) {
        const due = await this.#outbox.claimDue(this.#now(), { limit: 20, leaseMs: this.#leaseMs });
        if (due.length === 0) return;
        for (const message of due) {
          if (this.#stopped) return;
          try {
            await this.#transport.send(message);
          } catch (error) {
            const attempts = message.attempts + 1;
            const delay = retryDelay(this.#retry, attempts);
            await this.#outbox.markFailed(message.id, { error: error instanceof Error ? error.message : String(error), nextAttemptAt: this.#now() + delay });
            // Logged once recorded: the message is at rest (unleased) from this line on.
            this.#logger.warn('mail.send_failed', { id: message.id, attempts, retryInMs: delay, error });
            continue;
          }
          // Accepted by the server: a stop from here to the deletion sends it again at the next start.
          await this.#outbox.markSent(message.id);
          this.#logger.info('mail.sent', { id: message.id, attempts: message.attempts + 1 });
        }
      }
    } catch (error) {
      this.#logger.error('mail.outbox_failed', { error });
    }
  }

  /** Stops polling and waits for the message being sent, if any; the rest stays in the outbox. */
  async close(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    this.#transport.close();
  }
}
