import { anchorsRestoredByUndo, putEvidenceLinks, putThread, readEvidenceLinks, readThreads, reviewRoomOf, type Anchor } from '@canevas/core';
import * as Y from 'yjs';
import type { SyncEngine } from '../sync/SyncEngine.js';
import { computeRestoration } from './computeRestoration.js';
import type { VersionRecorder } from './VersionRecorder.js';
import type { Version, VersionWithState } from './VersionStore.js';

export interface RestoreOutcome {
  /** The version taken just before (the one to restore to undo this restore). */
  before: Version | undefined;
  /** The version the restore produced (kind `restore`). */
  after: Version | undefined;
  /** Evidence links and comment threads whose passage came back with the restored text. */
  reattached: number;
}

export interface VersionServiceOptions {
  recorder: VersionRecorder;
  engine: Pick<SyncEngine, 'applyServerChange'>;
}

/**
 * Restores versions as forward changes on the live document (computeRestoration), applied through
 * the sync engine like any server change: stored before it is relayed, and every connected
 * client converges. Callers check the role first (owners and editors).
 */
export class VersionService {
  constructor(private readonly options: VersionServiceOptions) {}

  /** Undefined when the document does not exist (any more). */
  async restore(version: VersionWithState, userId: string): Promise<RestoreOutcome | undefined> {
    const { recorder, engine } = this.options;
    const docId = version.documentId;
    // The state being replaced stays one click away.
    const before = await recorder.take(docId, { kind: 'auto', createdBy: null });
    let replica: Y.Doc | undefined;
    try {
      const applied = await engine.applyServerChange(docId, (live) => {
        const restoration = computeRestoration(live, version.state);
        replica = restoration.replica;
        if (restoration.update) Y.applyUpdate(live, restoration.update);
      });
      if (!applied.found) return undefined;
      const reattached = replica ? await this.reanchor(docId, replica) : 0;
      // The restoring account made this change: it is the edit the `restore` version records.
      recorder.edited(docId, [userId]);
      const after = await recorder.take(docId, { kind: 'restore', createdBy: userId, restoredFrom: version.id });
      return { before, after, reattached };
    } finally {
      replica?.destroy();
    }
  }

  /**
   * Links and threads whose passage the restore brought back point at the deleted originals: only
   * the replica knows which new text replaced them (Yjs' `redone`), so they are re-anchored here,
   * on the server, for everyone. The others keep their anchor: attached if their text stayed,
   * « détaché » (with their quote) if the restore removed it. Nothing is dropped.
   */
  private async reanchor(docId: string, replica: Y.Doc): Promise<number> {
    const result = await this.options.engine.applyServerChange(reviewRoomOf(docId), (review) => {
      let count = 0;
      const links = readEvidenceLinks(review);
      const linkAnchors = anchorsRestoredByUndo(replica, links.map((link) => link.anchor));
      const moved = links.flatMap((link, index) => (linkAnchors[index] ? [{ ...link, anchor: linkAnchors[index] }] : []));
      if (moved.length > 0) putEvidenceLinks(review, moved);
      count += moved.length;
      const threads = readThreads(review).filter((thread): thread is typeof thread & { anchor: Anchor } => thread.anchor !== undefined);
      const threadAnchors = anchorsRestoredByUndo(replica, threads.map((thread) => thread.anchor));
      threads.forEach((thread, index) => {
        const anchor = threadAnchors[index];
        if (!anchor) return;
        putThread(review, { ...thread, anchor });
        count++;
      });
      return count;
    });
    return result.found ? result.value : 0;
  }
}
