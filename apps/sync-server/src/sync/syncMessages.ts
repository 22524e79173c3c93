import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE_STORAGE_STATUS, storageStatusKind, type StorageStatusKind } from '@canevas/core';

/** y-websocket message types. */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageQueryAwareness = 3;
/**
 * Canevas extension, sent only to connections that asked for it with `ack=1`: the server's
 * state vector right after a commit that included updates from that connection.
 */
export const messagePersisted = 100;
/** Canevas extension: whether the server stores the connection's edits (see MESSAGE_STORAGE_STATUS). */
export const messageStorageStatus = MESSAGE_STORAGE_STATUS;

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

export function encodePersisted(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messagePersisted);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/**
 * Sent to the `ack=1` connections of the rooms whose updates could not be stored when writes
 * start failing and after each failed retry, once `writable` when they are stored again, at once
 * to a connection that attaches while writes fail; and `quota` to a connection whose update was
 * refused because the document reached `maxBytes`.
 */
export type StorageStatus = { state: 'writable' } | { state: 'failing'; kind: StorageStatusKind; retryInMs: number; maxBytes?: number };

export function encodeStorageStatus(status: StorageStatus): Uint8Array {
  const payload = encoding.createEncoder();
  encoding.writeVarUint(payload, status.state === 'failing' ? 1 : 0);
  encoding.writeVarString(payload, status.state === 'failing' ? status.kind : '');
  encoding.writeVarUint(payload, status.state === 'failing' ? Math.max(0, Math.round(status.retryInMs)) : 0);
  if (status.state === 'failing' && status.maxBytes !== undefined) encoding.writeVarUint(payload, status.maxBytes);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageStorageStatus);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(payload));
  return encoding.toUint8Array(encoder);
}

/** Decodes the payload of a type-101 message (tests and tools); throws on a malformed one. */
export function decodeStorageStatusPayload(payload: Uint8Array): StorageStatus {
  const decoder = decoding.createDecoder(payload);
  const state = decoding.readVarUint(decoder);
  const kind = decoding.readVarString(decoder);
  const retryInMs = decoding.readVarUint(decoder);
  if (state === 0) return { state: 'writable' };
  if (state !== 1) throw new Error(`unknown storage state ${state}`);
  const maxBytes = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : undefined;
  return { state: 'failing', kind: storageStatusKind(kind), retryInMs, ...(maxBytes === undefined ? {} : { maxBytes }) };
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
