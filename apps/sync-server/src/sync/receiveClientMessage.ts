import { CloseCode, encodeStorageStatus } from '@canevas/core';
import type { Logger } from '../logger.js';
import { RefusedUpdateError } from './checkContentUpdate.js';
import { CorruptDocumentError, DocumentTooLargeError, type DocumentRoom } from './DocumentRoom.js';
import { readAwarenessUpdate } from './readAwarenessUpdate.js';
import type { SyncConnection } from './SyncConnection.js';
import { MalformedMessageError, decodeClientMessage } from './syncMessages.js';

export interface ClientMessageContext {
  logger: Logger;
  /** The room's stored snapshot turned out unreadable: its document is quarantined. */
  quarantine(room: DocumentRoom, error: CorruptDocumentError): void;
}

/**
 * Hands one frame of a connection to its room, and answers what goes wrong with the close code
 * the wire contract gives it: 4400 for what cannot be read or applied, 4413 or a type-101 `quota`
 * past the size quota, 4429 past the awareness allowance, 4423 for unreadable stored data.
 */
export function receiveClientMessage(room: DocumentRoom, connection: SyncConnection, data: Uint8Array, context: ClientMessageContext): void {
  const { logger } = context;
  try {
    const message = decodeClientMessage(data);
    switch (message.kind) {
      case 'syncStep1':
        room.receiveSyncStep1(connection, message.stateVector);
        break;
      case 'update':
        room.receiveUpdate(connection, message.update);
        break;
      case 'awareness': {
        // Nobody edits a review doc, so nobody has a presence to announce there.
        if (room.serverOwned) break;
        // Decoded first: a malformed or oversized one closes with 4400 even past the allowance.
        const entries = readAwarenessUpdate(message.update);
        if (!admitAwareness(room, connection, data.byteLength, logger)) break;
        const refused = room.receiveAwareness(connection, entries);
        if (refused > 0) logger.warn('sync.awareness_refused', { docId: room.id, connection: connection.id, entries: refused });
        break;
      }
      case 'queryAwareness':
        // Answered with every state: it costs as much as a flood of them.
        if (!room.serverOwned && admitAwareness(room, connection, data.byteLength, logger)) room.receiveQueryAwareness(connection);
        break;
    }
  } catch (error) {
    if (error instanceof RefusedUpdateError) {
      // Never applied, so neither stored nor relayed; the others keep editing undisturbed.
      logger.warn('sync.update_refused', { docId: room.id, connection: connection.id, bytes: data.byteLength, reason: error.message });
      connection.close(CloseCode.MalformedMessage, 'Modification refusée : contenu que le document ne peut pas lire');
    } else if (error instanceof DocumentTooLargeError) {
      refuseForSize(room, connection, error, logger);
    } else if (error instanceof MalformedMessageError) {
      logger.warn('sync.malformed_message', { docId: room.id, connection: connection.id, bytes: data.byteLength, reason: error.message });
      connection.close(CloseCode.MalformedMessage, 'Message invalide');
    } else if (error instanceof CorruptDocumentError && error.fromStorage) {
      // The stored snapshot read at load cannot be integrated: the same as unreadable rows.
      context.quarantine(room, error);
    } else if (error instanceof CorruptDocumentError) {
      // The doc may hold half of the update: drop it from memory, the store is still right.
      logger.error('sync.corrupt_document', { docId: room.id, connection: connection.id, reason: error.message });
      connection.close(CloseCode.MalformedMessage, 'Message invalide');
      for (const other of room.connections) other.close(CloseCode.InternalError, 'Document rechargé');
    } else {
      throw error;
    }
  }
}

/**
 * The editor is told why (type 101, `quota`) and keeps what was refused, unsaved, on the page;
 * a client that cannot hear it is closed rather than left to believe its edits are stored.
 */
function refuseForSize(room: DocumentRoom, connection: SyncConnection, error: DocumentTooLargeError, logger: Logger): void {
  if (error.repeated) return;
  logger.warn('sync.document_too_large', { docId: room.id, connection: connection.id, maxBytes: error.maxBytes });
  if (connection.ackRequested) {
    connection.send(encodeStorageStatus({ state: 'failing', kind: 'quota', retryInMs: 0, maxBytes: error.maxBytes }));
  } else {
    connection.close(CloseCode.DocumentTooLarge, 'Document trop volumineux');
  }
}

/** The connection's awareness allowance (see AwarenessRateLimit): past it dropped, then closed. */
function admitAwareness(room: DocumentRoom, connection: SyncConnection, bytes: number, logger: Logger): boolean {
  const admission = connection.awarenessRateLimit.admit(bytes);
  if (admission === 'accept') return true;
  if (admission === 'close') {
    logger.warn('sync.awareness_flood', { docId: room.id, connection: connection.id });
    connection.close(CloseCode.TooManyMessages, 'Trop de messages de présence');
  }
  return false;
}
