import * as Y from 'yjs';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { SyncEngine } from '../sync/SyncEngine.js';

/**
 * A document's content as everyone has it now, as one Yjs update: what is pending is stored
 * first (persist before broadcast: what anyone has seen is then in the store), then the live
 * room is encoded, or the stored rows are applied when nobody has it open. Undefined when the
 * document does not exist; rejects when its rows cannot be read (the quarantine's business).
 */
export async function currentContentState(engine: Pick<SyncEngine, 'flushPending' | 'liveState'>, store: Pick<DocumentStore, 'loadDocument'>, docId: string): Promise<Uint8Array | undefined> {
  await engine.flushPending();
  const live = engine.liveState(docId);
  if (live) return live;
  const stored = await store.loadDocument(docId);
  if (!stored) return undefined;
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
