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

/** A kind read off the wire: unknown ones (from a newer server) read as `other`. */
export function storageStatusKind(kind: string): StorageStatusKind {
  return STORAGE_STATUS_KINDS.find((known) => known === kind) ?? 'other';
}
