/** A message to send: rendered when its event happens, kept in the outbox until it is accepted. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: number;
}

export interface OutboxMessage extends OutgoingMail {
  /** Failed sends so far. */
  attempts: number;
  lastError: string | null;
}

/**
 * The durable outbox, in the same database as everything else, so that the event causing a
 * message (a password reset, an invitation) and the message commit together or not at all (the
 * stores that record those events write the message in their own transaction). A worker claims
 * due messages, sends them and deletes them: a message is sent at least once; twice only when a
 * process stops between the SMTP server's acceptance and the deletion, or when a send outlasts
 * its lease and another instance claims it.
 */
export interface MailOutbox {
  /** Adds a message due at once (for events that write nothing else). */
  enqueue(mail: OutgoingMail): Promise<void>;
  /**
   * Up to `limit` messages due at `now` (`next_attempt_at <= now`) that no live lease holds, oldest
   * first, each leased until `now + leaseMs` so that no other worker sends it meanwhile.
   */
  claimDue(now: number, options: { limit: number; leaseMs: number }): Promise<OutboxMessage[]>;
  /** The SMTP server accepted it: deleted, with the link it held. */
  markSent(id: string): Promise<void>;
  /** One more failed attempt; due again at `nextAttemptAt`, its lease released. */
  markFailed(id: string, failure: { error: string; nextAttemptAt: number }): Promise<void>;
  /**
   * At a worker's start: frees the leases that no live worker can hold. SQLite's data folder has
   * one server, so every lease left is a crashed run's; PostgreSQL's may belong to other live
   * instances, so there a crashed instance's leases simply run out (two minutes).
   */
  releaseStaleLeases(): Promise<void>;
  /** Messages waiting, those that failed at least once, and the time of the oldest. */
  stats(): Promise<{ waiting: number; failing: number; oldestAt: number | null }>;
}
