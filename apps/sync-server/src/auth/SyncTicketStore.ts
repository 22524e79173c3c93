import { hashSecret, newSecret } from './secretToken.js';

export interface SyncTicketGrant {
  userId: string;
  /** The room the ticket opens: a document id, or `<id>/review`. */
  room: string;
}

interface Held extends SyncTicketGrant {
  expiresAt: number;
}

/**
 * Short-lived, single-use tickets that let a script's WebSocket authenticate without a cookie:
 * `documents.syncTarget` issues one, the upgrade redeems it. Kept in memory only: a restart
 * simply makes clients ask for a new one. Only hashes are held, so a heap dump leaks nothing usable.
 */
export class SyncTicketStore {
  readonly #tickets = new Map<string, Held>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  issue(grant: SyncTicketGrant): string {
    this.#prune();
    const ticket = newSecret('t_');
    this.#tickets.set(hashSecret(ticket), { ...grant, expiresAt: this.#now() + this.#ttlMs });
    return ticket;
  }

  /** The grant, once: a replayed, expired or foreign-room ticket gives undefined. */
  redeem(ticket: string, room: string): SyncTicketGrant | undefined {
    const key = hashSecret(ticket);
    const held = this.#tickets.get(key);
    if (!held) return undefined;
    this.#tickets.delete(key);
    if (held.expiresAt <= this.#now() || held.room !== room) return undefined;
    return { userId: held.userId, room: held.room };
  }

  get size(): number {
    return this.#tickets.size;
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, held] of this.#tickets) if (held.expiresAt <= now) this.#tickets.delete(key);
  }
}
