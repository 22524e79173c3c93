import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The sync server's type-101 message (sent only to connections opened with `ack=1`): whether it
 * stores what the connection sends. Body: varUint8Array(payload), payload = varUint(state:
 * 0 writable, 1 failing), varString(kind), varUint(retryInMs), then optional fields a reader
 * skips if it does not know them: varUint(maxBytes) for `quota`.
 */
export const MESSAGE_STORAGE_STATUS = 101;

/**
 * Why edits are not stored: the store's disk is full, its database busy or read-only, another
 * store failure (all retried by the server), or `quota`: the document reached its maximum size and
 * the connection's edits are refused until it is made smaller (never retried).
 */
export const STORAGE_STATUS_KINDS = ['full', 'busy', 'readonly', 'other', 'quota'] as const;

export type StorageStatusKind = (typeof STORAGE_STATUS_KINDS)[number];

/** Why the store refuses writes (every kind but `quota`, which is a refusal, not a fault): retried. */
export type StorageFaultKind = Exclude<StorageStatusKind, 'quota'>;

/** A kind read off the wire: unknown ones (from a newer server) read as `other`. */
export function storageStatusKind(kind: string): StorageStatusKind {
  return STORAGE_STATUS_KINDS.find((known) => known === kind) ?? 'other';
}

/**
 * Sent to the `ack=1` connections of the rooms whose updates could not be stored when writes
 * start failing and after each failed retry, once `writable` when they are stored again, at once
 * to a connection that attaches while writes fail; and `quota` to a connection whose update was
 * refused because the document reached `maxBytes`.
 */
export type StorageStatus = { state: 'writable' } | { state: 'failing'; kind: StorageStatusKind; retryInMs: number; maxBytes?: number };

/** The whole type-101 frame: varUint(101) varUint8Array(payload). */
export function encodeStorageStatus(status: StorageStatus): Uint8Array {
  const payload = encoding.createEncoder();
  encoding.writeVarUint(payload, status.state === 'failing' ? 1 : 0);
  encoding.writeVarString(payload, status.state === 'failing' ? status.kind : '');
  encoding.writeVarUint(payload, status.state === 'failing' ? Math.max(0, Math.round(status.retryInMs)) : 0);
  if (status.state === 'failing' && status.maxBytes !== undefined) encoding.writeVarUint(payload, status.maxBytes);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORAGE_STATUS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(payload));
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes the payload of a type-101 message; throws on a malformed one. Fields after the known
 * ones are skipped (a newer server may add some); `maxBytes` is read only for `quota`, the one
 * kind that carries it.
 */
export function decodeStorageStatusPayload(payload: Uint8Array): StorageStatus {
  const decoder = decoding.createDecoder(payload);
  const state = decoding.readVarUint(decoder);
  const kind = storageStatusKind(decoding.readVarString(decoder));
  const retryInMs = decoding.readVarUint(decoder);
  if (state === 0) return { state: 'writable' };
  if (state !== 1) throw new Error(`unknown storage state ${state}`);
  if (kind === 'quota' && decoding.hasContent(decoder)) return { state: 'failing', kind, retryInMs, maxBytes: decoding.readVarUint(decoder) };
  return { state: 'failing', kind, retryInMs };
}
