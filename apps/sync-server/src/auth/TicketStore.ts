/** A sync ticket as kept: its hash only, so that the store never holds a usable secret. */
export interface StoredTicket {
  hash: string;
  userId: string;
  /** The room the ticket opens: a document id, or `<id>/review`. */
  room: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Where sync tickets wait between `documents.syncTarget`, which issues one, and the WebSocket
 * upgrade, which redeems it: with several instances, possibly another process. A ticket lives a
 * minute, so this storage need not survive a restart (clients then ask for a new ticket).
 */
export interface TicketStore {
  /** Keeps the ticket; may forget, meanwhile, any ticket expired at `now`. */
  put(ticket: StoredTicket, now: number): Promise<void>;
  /**
   * Removes the ticket with this hash and returns it, atomically: of two concurrent takes of one
   * hash, one gets it. An expired ticket may still be returned: the caller checks `expiresAt`.
   */
  take(hash: string): Promise<StoredTicket | undefined>;
}
