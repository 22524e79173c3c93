import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { STORAGE_FAULT_KINDS, type StorageFaultKind } from '../store/storageFaultKind.js';

/** y-websocket message types. */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageQueryAwareness = 3;
/**
 * Canevas extension, sent only to connections that asked for it with `ack=1`: the server's
 * state vector right after a commit that included updates from that connection.
 */
export const messagePersisted = 100;
/**
 * Canevas extension, sent only to `ack=1` connections: whether the store accepts writes.
 * Body: varUint8Array(payload), payload = varUint(state: 0 writable, 1 failing),
 * varString(kind), varUint(retryInMs). Sent to the rooms whose updates could not be stored when
 * writes start failing and after each failed retry, once with state 0 when they are stored again,
 * and at once to a connection that attaches while writes fail. The payload is wrapped so that a
 * client can skip fields added later.
 */
export const messageStorageStatus = 101;

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

export type StorageStatus = { state: 'writable' } | { state: 'failing'; kind: StorageFaultKind; retryInMs: number };

export function encodeStorageStatus(status: StorageStatus): Uint8Array {
  const payload = encoding.createEncoder();
  encoding.writeVarUint(payload, status.state === 'failing' ? 1 : 0);
  encoding.writeVarString(payload, status.state === 'failing' ? status.kind : '');
  encoding.writeVarUint(payload, status.state === 'failing' ? Math.max(0, Math.round(status.retryInMs)) : 0);
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
  return { state: 'failing', kind: STORAGE_FAULT_KINDS.find((known) => known === kind) ?? 'other', retryInMs };
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
