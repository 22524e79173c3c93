import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** y-websocket message types. */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageQueryAwareness = 3;
/** y-websocket's own types; the Canevas extensions (100 and 101) are in `@canevas/core`'s wire contract. */

/** y-protocols sync sub-types. */
export const syncStep1 = 0;
export const syncStep2 = 1;
export const syncUpdate = 2;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncStep1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncStep2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying an update encoded already (a stored snapshot). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/** Thrown for any frame that is not exactly one well-formed client message. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

/**
 * Decodes one client frame. Strict on purpose: unknown types and trailing bytes are rejected so
 * that a confused or hostile client is disconnected instead of half-understood.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    if (type === messageSync) {
      const subType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subType === syncStep1) message = { kind: 'syncStep1', stateVector: payload };
      else if (subType === syncStep2 || subType === syncUpdate) message = { kind: 'update', update: payload };
      else throw new MalformedMessageError(`unknown sync message type ${subType}`);
    } else if (type === messageAwareness) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === messageQueryAwareness) {
      message = { kind: 'queryAwareness' };
    } else {
      throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}
