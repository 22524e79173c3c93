import { MemoryTicketStore } from '../store/MemoryTicketStore.js';
import { hashSecret, newSecret } from './secretToken.js';
import type { TicketStore } from './TicketStore.js';

export interface SyncTicketGrant {
  userId: string;
  /** The room the ticket opens: a document id, or `<id>/review`. */
  room: string;
}

/**
 * Short-lived, single-use tickets that let a script's WebSocket authenticate without a cookie:
 * `documents.syncTarget` issues one, the upgrade redeems it. Kept in the stores' `TicketStore`
 * (this process's memory for SQLite), as hashes only, so that neither a heap dump nor the
 * database leaks anything usable; a restart simply makes clients ask for a new one.
 */
export class SyncTicketStore {
  readonly #store: TicketStore;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { store?: TicketStore; ttlMs?: number; now?: () => number } = {}) {
    this.#store = options.store ?? new MemoryTicketStore();
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  async issue(grant: SyncTicketGrant): Promise<string> {
    const ticket = newSecret('t_');
    const now = this.#now();
    await this.#store.put({ hash: hashSecret(ticket), userId: grant.userId, room: grant.room, expiresAt: now + this.#ttlMs }, now);
    return ticket;
  }

  /** The grant, once: a replayed, expired or foreign-room ticket gives undefined. */
  async redeem(ticket: string, room: string): Promise<SyncTicketGrant | undefined> {
    const held = await this.#store.take(hashSecret(ticket));
    if (!held || held.expiresAt <= this.#now() || held.room !== room) return undefined;
    return { userId: held.userId, room: held.room };
  }
}
