/**
 * WebSocket close codes sent by the sync endpoint and read by the web app. The stock y-websocket
 * client stops reconnecting on 4400–4499 (permanent) and retries on everything else.
 */
export const CloseCode = {
  /** Server shutting down; the client reconnects and resyncs. */
  GoingAway: 1001,
  /** Frame larger than MAX_PAYLOAD (sent by `ws` itself). */
  MessageTooBig: 1009,
  /** Unexpected server failure; the client reconnects and gets the stored state. */
  InternalError: 1011,
  /**
   * Malformed, truncated or unappliable message, or an update the document's schema cannot read
   * (unknown root, element, mark or attribute, nesting too deep); nothing from it was stored.
   */
  MalformedMessage: 4400,
  /** The user's access was removed while connected. */
  AccessRevoked: 4403,
  /**
   * An update from a client that asked for no storage status (`ack=1`) would take the document
   * past its size quota: refused, and the client stopped rather than left to think it is saved.
   */
  DocumentTooLarge: 4413,
  /** No such document. */
  DocumentNotFound: 4404,
  /** The document was deleted while open. */
  DocumentDeleted: 4410,
  /**
   * The document is quarantined: its stored rows could not be read. Nothing is loaded or written
   * until an administrator restores it; the rows are kept as they are (like HTTP 423 Locked).
   */
  DocumentQuarantined: 4423,
  /** The connection kept sending awareness past its allowance (like HTTP 429). */
  TooManyMessages: 4429,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
