import type { StoredTicket, TicketStore } from '../auth/TicketStore.js';

/** Tickets in this process's memory: enough for one instance (the SQLite engine). */
export class MemoryTicketStore implements TicketStore {
  readonly #tickets = new Map<string, StoredTicket>();

  async put(ticket: StoredTicket, now: number): Promise<void> {
    for (const [hash, held] of this.#tickets) if (held.expiresAt <= now) this.#tickets.delete(hash);
    this.#tickets.set(ticket.hash, ticket);
  }

  async take(hash: string): Promise<StoredTicket | undefined> {
    const held = this.#tickets.get(hash);
    this.#tickets.delete(hash);
    return held;
  }

  get size(): number {
    return this.#tickets.size;
  }
}
