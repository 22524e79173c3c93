import nodemailer from 'nodemailer';
import type { OutboxMessage } from './MailOutbox.js';

/** How the worker hands a message over; nodemailer's SMTP in production. */
export interface MailTransport {
  /** Resolves once the server accepted the message; rejects otherwise. */
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

/**
 * nodemailer over `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`). The Message-ID is
 * the outbox id: a message sent twice (at-least-once) carries the same id, which lets clients
 * and servers that deduplicate on it show it once.
 */
export function smtpTransport(options: { smtpUrl: string; from: string; messageIdDomain: string; timeoutMs?: number }): MailTransport {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }, { from: options.from });
  return {
    async send(message) {
      await transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.id}@${options.messageIdDomain}>`,
        date: new Date(message.createdAt),
      });
    },
    close() {
      transporter.close();
    },
  };
}
