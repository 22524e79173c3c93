import * as Y from 'yjs';
import type { Logger } from '../logger.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import { storageFaultKind } from '../store/storageFaultKind.js';
import type { DocumentRoom } from './DocumentRoom.js';
import type { FoldPolicy } from './FoldPolicy.js';

/**
 * Folds a room's update log into a new snapshot, once the policy said so. Runs on the store chain
 * (the caller's), so no append or load interleaves with a fold.
 */
export class LogFolder {
  constructor(
    private readonly store: DocumentStore,
    private readonly policy: FoldPolicy,
    private readonly logger: Logger,
  ) {}

  /**
   * Folds an open room. When everything the room applied is stored (`unstored` false, doc built
   * and sound), the in-memory doc IS the stored state: it is encoded as it is. Otherwise the state
   * is rebuilt from what is stored, never from memory, so that only durable data is folded. The
   * memory path deletes the rows up to `upToRowId`, which the doc must hold: every row stored so
   * far when this process is the only one appending (the default), else only up to the last row
   * it read and applied (several instances: the doc may lack rows another one just committed).
   */
  async foldOpen(room: DocumentRoom, unstored: boolean, upToRowId = Number.MAX_SAFE_INTEGER): Promise<void> {
    if (room.materialized && !room.corrupt && !room.destroyed && !unstored) {
      try {
        const snapshot = Y.encodeStateAsUpdate(room.doc);
        await this.store.foldLog(room.id, snapshot, upToRowId);
        this.logger.debug('store.folded', { docId: room.id, folded: room.log.rows, from: 'memory' });
        room.log.folded(snapshot.byteLength);
      } catch (error) {
        this.failed(room, error);
      }
      return;
    }
    const folded = await this.foldStored(room.id);
    if (folded === 'failed') this.failed(room);
    else if (folded) room.log.folded(folded.snapshotBytes, folded);
    else room.log.foldSkipped();
  }

  /**
   * Rebuilds a room's state from what is stored and folds it (a room nobody has open, or one
   * whose memory holds unstored updates); undefined when there was nothing to fold.
   */
  async foldStored(roomName: string): Promise<{ rows: number; bytes: number; snapshotBytes: number } | 'failed' | undefined> {
    try {
      const stored = await this.store.loadDocument(roomName);
      if (!stored || stored.updates.length === 0 || stored.quarantined) return undefined;
      const doc = new Y.Doc();
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        // Applying one by one is linear; Y.mergeUpdates over a long log is not.
        for (const { update } of stored.updates) Y.applyUpdate(doc, update);
        const upToRowId = stored.updates[stored.updates.length - 1]!.rowId;
        const snapshot = Y.encodeStateAsUpdate(doc);
        await this.store.foldLog(roomName, snapshot, upToRowId);
        this.logger.debug('store.folded', { docId: roomName, folded: stored.updates.length, from: 'store' });
        const bytes = stored.updates.reduce((sum, { update }) => sum + update.byteLength, 0);
        return { rows: stored.updates.length, bytes, snapshotBytes: snapshot.byteLength };
      } finally {
        doc.destroy();
      }
    } catch (error) {
      // The log stays as it is; nothing is lost, the fold is tried again later.
      this.logger.error('store.fold_failed', { docId: roomName, kind: storageFaultKind(error), error });
      return 'failed';
    }
  }

  /** The log stays as it is and nothing is lost; the next attempt waits (see FoldPolicy.retryDelay). */
  private failed(room: DocumentRoom, error?: unknown): void {
    const delay = room.log.foldFailed(Date.now(), this.policy);
    if (error !== undefined) this.logger.error('store.fold_failed', { docId: room.id, kind: storageFaultKind(error), retryInMs: delay, error });
  }
}
