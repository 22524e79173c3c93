/**
 * Delivery of committed updates to every connection of a room (`<docId>` or `<docId>/review`),
 * on this instance and, when several instances share the store (RedisFanOut), on the others.
 * See docs/adr/0010-several-instances.md.
 */
export interface OriginUpdate {
  /** Id of the connection the update came from (never echoed back to it). */
  origin: string;
  update: Uint8Array;
}

export type FanOutListener = (updates: readonly OriginUpdate[]) => void;

/**
 * A room's side of what other instances send. Everything in it was committed to the store, or is
 * awareness, before it was sent.
 */
export interface RoomPeer {
  /** Updates another instance committed: not applied here yet. */
  updates(updates: readonly Uint8Array[]): void;
  /** An awareness update (y-protocols encoding) of another instance's connections. */
  awareness(update: Uint8Array): void;
  /** The awareness states of this instance's connections, for an instance that just opened the room. */
  localAwareness(): Uint8Array | undefined;
  /**
   * Updates of other instances may have been missed (the room was just subscribed, Redis
   * restarted, a gap in the room's sequence): what the store holds must be reloaded.
   */
  missed(): void;
  /** Another instance deleted the document: the room's connections are closed (4410). */
  deleted(): void;
}

export interface FanOut {
  /**
   * True when other instances write the same rooms: an in-memory doc may then lack rows the store
   * holds, so it is never folded beyond the rows it is known to contain.
   */
  readonly shared: boolean;
  /** Publishes updates that are already durable: to this instance's listeners, then to the others. */
  publish(room: string, updates: readonly OriginUpdate[]): void;
  /** Returns the unsubscribe function. */
  subscribe(room: string, listener: FanOutListener): () => void;
  /** Receives what other instances send for `room`; returns the leave function. Nothing when not shared. */
  join(room: string, peer: RoomPeer): () => void;
  /** Sends an awareness update of this instance's connections to the other instances. */
  publishAwareness(room: string, update: Uint8Array): void;
  /** Tells the other instances that hold `room` that its document was deleted (once the store deleted it). */
  publishDeleted(room: string): void;
  /**
   * Tells the other instances that roles or memberships changed (once the store has the change):
   * they check their open sockets against the store at once rather than at their next periodic check.
   */
  publishAccessChanged(): void;
  /**
   * Runs `listener` when another instance changed roles or memberships, or may have (its message
   * could have been missed while Redis was away); returns the unsubscribe function.
   */
  onAccessChanged(listener: () => void): () => void;
  close(): Promise<void>;
}
