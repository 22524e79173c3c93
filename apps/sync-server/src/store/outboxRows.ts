import type { OutboxMessage } from '../mail/MailOutbox.js';

/** A `mail_outbox` row as both engines return it (PostgreSQL's BIGINT columns come as strings). */
export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: number | string;
  attempts: number | string;
  last_error: string | null;
}

export function outboxMessageOf(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    createdAt: Number(row.created_at),
    attempts: Number(row.attempts),
    lastError: row.last_error,
  };
}
