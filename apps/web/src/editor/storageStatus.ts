import { MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, type StorageStatusKind } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

export { MESSAGE_STORAGE_STATUS };

export type StorageFaultKind = StorageStatusKind;

/**
 * The server cannot store our edits: it keeps them in memory and retries, or (`quota`) the
 * document reached its maximum size and they stay only on this page.
 */
export interface StorageFault {
  kind: StorageFaultKind;
  /** Delay before the server's next attempt, as announced. */
  retryInMs: number;
  /** For `quota`: the document's maximum size, in bytes. */
  maxBytes?: number;
}

/**
 * Reads a type-101 body: the fault, null once writes succeed again, or undefined for a frame
 * that cannot be understood (ignored: a bad frame must not break the editor).
 */
export function readStorageStatus(decoder: decoding.Decoder): StorageFault | null | undefined {
  try {
    const status = decodeStorageStatusPayload(decoding.readVarUint8Array(decoder));
    if (status.state === 'writable') return null;
    return { kind: status.kind, retryInMs: status.retryInMs, ...(status.maxBytes !== undefined && { maxBytes: status.maxBytes }) };
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

const KIND_LABELS: Record<Exclude<StorageFaultKind, 'quota'>, string | null> = {
  full: 'disque plein',
  busy: 'base de données occupée',
  readonly: 'base de données en lecture seule',
  other: null,
};

/** What the page says while the server cannot store edits. */
export function storageFaultMessage(fault: StorageFault): string {
  if (fault.kind === 'quota') {
    const size = fault.maxBytes === undefined ? '' : ` (${formatMegabytes(fault.maxBytes)} Mo)`;
    return (
      `Ce document a atteint sa taille maximale${size} : vos dernières modifications ne sont pas enregistrées. ` +
      'Elles restent sur cette page : copiez-les avant de la quitter, puis allégez le document ou continuez dans un autre.'
    );
  }
  const label = KIND_LABELS[fault.kind];
  const seconds = Math.max(1, Math.ceil(fault.retryInMs / 1000));
  return (
    `Enregistrement impossible pour l’instant${label ? ` (${label})` : ''} : ` +
    'vos modifications sont gardées et seront enregistrées dès que possible. ' +
    `Nouvel essai dans ${seconds} s.`
  );
}

function formatMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}
