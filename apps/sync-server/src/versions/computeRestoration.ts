import { DOCUMENT_FIELD } from '@canevas/core';
import * as Y from 'yjs';

/** The origin, inside the replica, of what happened since the version: the one change undone. */
const SINCE_VERSION = Symbol('since-version');

export interface Restoration {
  /** The update that makes the live content equal the version's; null when they are equal already. */
  update: Uint8Array | null;
  /**
   * The replica the update was computed on, after it: the one doc where Yjs knows which text the
   * restore brought back (`item.redone`), so that anchors into that text can follow it
   * (`anchorsRestoredByUndo`). The caller destroys it.
   */
  replica: Y.Doc;
}

/**
 * A restore as a forward change (see docs/adr/0012-version-history.md). A replica starts from the
 * version's state; everything the live doc holds beyond it is applied as one tracked
 * transaction, then undone by an UndoManager: it deletes what was inserted since and inserts
 * again, as new items, what was deleted since (the replica still holds the version's deleted
 * content, so garbage collection in the live doc does not matter). What the replica wrote for the
 * undo is the update: the live doc, and every client, apply it like any other edit, so nothing
 * is swapped under anyone's feet and edits made meanwhile merge as usual. Text unchanged since
 * the version keeps its items, hence the anchors into it.
 *
 * The version must be a past state of this document (its state vector below the live one), as
 * every version the server keeps is.
 */
export function computeRestoration(live: Y.Doc, versionState: Uint8Array): Restoration {
  const liveVector = Y.encodeStateVector(live);
  const liveClients = Y.decodeStateVector(liveVector);
  let replica = new Y.Doc();
  // The re-inserted text is written under the replica's client id: it must be new to this document.
  while (liveClients.has(replica.clientID)) {
    replica.destroy();
    replica = new Y.Doc();
  }
  Y.applyUpdate(replica, versionState);
  // Every root either doc has is tracked, typed now: a root an update creates is a bare
  // AbstractType that a later typed `get` replaces, and the UndoManager would watch the stale one.
  for (const name of new Set([...replica.share.keys(), ...live.share.keys()])) replica.get(name, rootTypeOf(live, name));
  const undo = new Y.UndoManager([...replica.share.values()], { trackedOrigins: new Set([SINCE_VERSION]), captureTimeout: 0 });
  let unchanged: boolean;
  try {
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live, Y.encodeStateVector(replica)), SINCE_VERSION);
    // Nothing written since the version: nothing to undo.
    unchanged = undo.undoStack.length === 0;
    undo.undo();
  } finally {
    undo.destroy();
  }
  return { update: unchanged ? null : Y.encodeStateAsUpdate(replica, liveVector), replica };
}

/** The body is an XmlFragment; another root takes the type the live doc gave it, if any. */
function rootTypeOf(live: Y.Doc, name: string): typeof Y.AbstractType<unknown> {
  if (name === DOCUMENT_FIELD) return Y.XmlFragment as unknown as typeof Y.AbstractType<unknown>;
  const type = live.share.get(name);
  return (type?.constructor ?? Y.AbstractType) as typeof Y.AbstractType<unknown>;
}
