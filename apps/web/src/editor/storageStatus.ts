import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Sent by the server (only to connections opened with `ack=1`) when its store refuses writes,
 * and again when it accepts them. Body: varUint8Array(payload), payload = varUint(state:
 * 0 writable, 1 failing), varString(kind), varUint(retryInMs); later fields may follow.
 */
export const MESSAGE_STORAGE_STATUS = 101;

export type StorageFaultKind = 'full' | 'busy' | 'readonly' | 'other';

/** The server keeps our edits in memory but cannot store them yet. */
export interface StorageFault {
  kind: StorageFaultKind;
  /** Delay before the server's next attempt, as announced. */
  retryInMs: number;
}

const KINDS: readonly StorageFaultKind[] = ['full', 'busy', 'readonly', 'other'];

/**
 * Reads a type-101 body: the fault, null once writes succeed again, or undefined for a frame
 * that cannot be understood (ignored: a bad frame must not break the editor).
 */
export function readStorageStatus(decoder: decoding.Decoder): StorageFault | null | undefined {
  try {
    const payload = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const state = decoding.readVarUint(payload);
    const kind = decoding.readVarString(payload);
    const retryInMs = decoding.readVarUint(payload);
    if (state === 0) return null;
    if (state !== 1) return undefined;
    return { kind: KINDS.find((known) => known === kind) ?? 'other', retryInMs };
  } catch {
    return undefined;
  }
}

/**
 * Routes type-101 messages to `onChange` (y-websocket drops unknown types otherwise). Frames
 * relayed from other tabs are ignored: only the server speaks of its store.
 */
export function listenToStorageStatus(provider: WebsocketProvider, onChange: (fault: StorageFault | null) => void): void {
  provider.messageHandlers[MESSAGE_STORAGE_STATUS] = (_encoder, decoder, _provider, fromServer) => {
    const status = fromServer ? readStorageStatus(decoder) : undefined;
    if (status !== undefined) onChange(status);
  };
}

const KIND_LABELS: Record<StorageFaultKind, string | null> = {
  full: 'disque plein',
  busy: 'base de données occupée',
  readonly: 'base de données en lecture seule',
  other: null,
};

/** What the page says while the server cannot store edits. */
export function storageFaultMessage(fault: StorageFault): string {
  const label = KIND_LABELS[fault.kind];
  const seconds = Math.max(1, Math.ceil(fault.retryInMs / 1000));
  return (
    `Enregistrement impossible pour l’instant${label ? ` (${label})` : ''} : ` +
    'vos modifications sont gardées et seront enregistrées dès que possible. ' +
    `Nouvel essai dans ${seconds} s.`
  );
}
