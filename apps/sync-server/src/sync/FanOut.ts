/**
 * Delivery of committed updates to every connection of a document. In-process for now; a Redis
 * implementation will relay the same batches between instances.
 */
export interface OriginUpdate {
  /** Id of the connection the update came from (never echoed back to it). */
  origin: string;
  update: Uint8Array;
}

export type FanOutListener = (updates: readonly OriginUpdate[]) => void;

export interface FanOut {
  /** Publishes updates that are already durable. */
  publish(docId: string, updates: readonly OriginUpdate[]): void;
  /** Returns the unsubscribe function. */
  subscribe(docId: string, listener: FanOutListener): () => void;
  close(): Promise<void>;
}
