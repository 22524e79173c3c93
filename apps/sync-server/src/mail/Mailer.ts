import { newId } from '../newId.js';
import type { OutgoingMail } from './MailOutbox.js';
import type { RenderedMail } from './mailTemplates.js';

/**
 * What the services that cause mail need: the base of the links (`PUBLIC_URL`, never a request's
 * Host header, which a client chooses) and a way to wake the worker once their transaction has
 * put a message in the outbox. Undefined where no SMTP server is configured: no mail then.
 */
export interface Mailer {
  /** `PUBLIC_URL` without a trailing slash. */
  readonly baseUrl: string;
  /** A message was committed to the outbox: send it now rather than at the next poll. */
  committed(): void;
}

export function outgoingMail(to: string, rendered: RenderedMail, now: number): OutgoingMail {
  return { id: newId(16), to, ...rendered, createdAt: now };
}
