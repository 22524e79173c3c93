import { MESSAGE_PERSISTED, readPersistedBody } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Knows whether every local edit is stored on the server. The server acknowledges with its stored
 * state vector; our edits are durable once it covers our own client's clock. Other clients' clocks
 * are not ours to vouch for: their authors get their own acknowledgements.
 */
export class PersistedAckTracker {
  private readonly acknowledged = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private lastUnsynced: boolean;

  constructor(private readonly doc: Y.Doc) {
    this.lastUnsynced = this.unsynced;
    doc.on('update', this.check);
  }

  /**
   * Routes type-100 messages here (y-websocket drops unknown types otherwise), and treats the
   * handshake as an acknowledgement too. The server answers our sync step 1 only once everything
   * it holds in memory is stored, so when we are synced, all it had when it sent its own step 1
   * is durable. Without this, edits stored just before a disconnect, whose ack was lost, would
   * stay "unsynced" forever: resending them changes nothing, so no new commit acknowledges them.
   */
  attach(provider: WebsocketProvider): void {
    provider.messageHandlers[MESSAGE_PERSISTED] = (_encoder, decoder) => this.receive(decoder);
    const handleSync = provider.messageHandlers[messageSync];
    if (!handleSync) throw new Error('y-websocket has no sync message handler');
    let handshake: Map<number, number> | undefined;
    provider.messageHandlers[messageSync] = (encoder, decoder, from, emitSynced, messageType) => {
      // emitSynced is false for messages from other tabs (BroadcastChannel): only the server counts.
      if (emitSynced && !from.synced) handshake = peekSyncStep1(decoder) ?? handshake;
      handleSync(encoder, decoder, from, emitSynced, messageType);
    };
    provider.on('sync', (synced) => {
      if (synced && handshake) this.acknowledge(handshake);
      handshake = undefined;
    });
    provider.on('connection-close', () => {
      handshake = undefined;
    });
  }

  /** Reads the body of a persisted message: varUint8Array(stateVector). */
  receive(decoder: decoding.Decoder): void {
    this.acknowledge(Y.decodeStateVector(readPersistedBody(decoder)));
  }

  private acknowledge(stored: Map<number, number>): void {
    for (const [client, clock] of stored) {
      // Acks can only move forward; a late, older one must not make us think less is stored.
      if (clock > (this.acknowledged.get(client) ?? 0)) this.acknowledged.set(client, clock);
    }
    this.check();
  }

  /** True while some local edit has not been acknowledged as stored. */
  get unsynced(): boolean {
    // Read the client id each time: Yjs changes it if it detects a collision.
    const client = this.doc.clientID;
    return Y.getState(this.doc.store, client) > (this.acknowledged.get(client) ?? 0);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('update', this.check);
    this.listeners.clear();
  }

  // Notifies only on transitions, not on every keystroke.
  private readonly check = (): void => {
    const unsynced = this.unsynced;
    if (unsynced === this.lastUnsynced) return;
    this.lastUnsynced = unsynced;
    for (const listener of this.listeners) listener();
  };
}

function peekSyncStep1(decoder: decoding.Decoder): Map<number, number> | undefined {
  const peek = decoding.clone(decoder);
  if (decoding.readVarUint(peek) !== messageYjsSyncStep1) return undefined;
  return Y.decodeStateVector(decoding.readVarUint8Array(peek));
}
