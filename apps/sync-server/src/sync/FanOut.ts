/**
 * Delivery of committed updates to every connection of a room (`<docId>` or `<docId>/review`).
 * In-process for now; a Redis implementation will relay the same batches between instances.
 */
export interface OriginUpdate {
  /** Id of the connection the update came from (never echoed back to it). */
  origin: string;
  update: Uint8Array;
}

export type FanOutListener = (updates: readonly OriginUpdate[]) => void;

export interface FanOut {
  /** Publishes updates that are already durable. */
  publish(room: string, updates: readonly OriginUpdate[]): void;
  /** Returns the unsubscribe function. */
  subscribe(room: string, listener: FanOutListener): () => void;
  close(): Promise<void>;
}
