import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The sync server's type-100 message, sent only to connections opened with `ack=1`: after each
 * commit that included updates from that connection, the server's state vector as stored. Body:
 * varUint8Array(stateVector). When it covers the client's own clock, every local edit is durable.
 */
export const MESSAGE_PERSISTED = 100;

/** The whole type-100 frame: varUint(100) varUint8Array(stateVector). */
export function encodePersisted(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_PERSISTED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a type-100 message (after its type): the stored state vector, still encoded. */
export function readPersistedBody(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}
