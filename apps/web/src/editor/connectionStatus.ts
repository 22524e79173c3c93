import { CloseCode } from '@canevas/core';
import type { StorageFault } from './storageStatus.js';

/** What the session knows about its connection, as plain data. */
export interface ConnectionState {
  /** `connecting` only before the first connection attempt ends; then `connected` or `offline`. */
  socket: 'connecting' | 'connected' | 'offline';
  /** The server's state has been received on the current connection. */
  synced: boolean;
  /** The document has been synced at least once (the editor can be used). */
  everSynced: boolean;
  /** Some local edit is not yet acknowledged as stored by the server. */
  unsynced: boolean;
  /** The server refused the connection for good (close codes 4400–4499). */
  closed: { code: number; reason: string } | null;
  /** The server cannot store edits for now (type 101); null when it can, or when we are not connected. */
  storage: StorageFault | null;
}

export type ConnectionStatus = 'connected' | 'syncing' | 'offline' | 'gone' | 'quarantined' | 'refused';


export const STATUS_LABELS: Record<ConnectionStatus, string> = {
  connected: 'Connecté',
  syncing: 'Synchronisation en cours',
  offline: 'Hors ligne',
  gone: 'Document indisponible',
  quarantined: 'Document en quarantaine',
  refused: 'Connexion refusée',
};

export function connectionStatus(state: ConnectionState): ConnectionStatus {
  if (state.closed) {
    const { code } = state.closed;
    if (code === CloseCode.DocumentQuarantined) return 'quarantined';
    return code === CloseCode.DocumentNotFound || code === CloseCode.DocumentDeleted ? 'gone' : 'refused';
  }
  if (state.socket === 'offline') return 'offline';
  // While the server cannot store, nothing is « Connecté » in the sense users read: saved.
  if (state.socket === 'connecting' || !state.synced || state.unsynced || state.storage) return 'syncing';
  return 'connected';
}
