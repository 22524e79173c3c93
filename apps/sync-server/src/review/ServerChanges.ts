import type * as Y from 'yjs';

/**
 * Applies a server-owned change to a room's Y.Doc and stores what it wrote. The running server
 * gives its sync engine (which relays the change to open connections); a command that runs while
 * no server does gives {@link StoredRoomChanges}, which writes to the store directly.
 */
export interface ServerChanges {
  /**
   * Runs `change` on the room's current state; resolves once what it wrote is durable.
   * `{ found: false }` when the document does not exist. A change that throws stores what it
   * wrote before throwing and rejects with its error.
   */
  applyServerChange<T>(room: string, change: (doc: Y.Doc) => T): Promise<{ found: false } | { found: true; value: T }>;
}
