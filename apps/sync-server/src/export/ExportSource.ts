import * as Y from 'yjs';
import type { DocumentMetadata, DocumentStore } from '../store/DocumentStore.js';

/**
 * Where exports read documents from. The server gives its store and the live documents of its
 * sync engine; the CLI gives only the store, which it opens next to a running server (WAL).
 */
export interface ExportSource {
  getDocument(id: string): Promise<DocumentMetadata | undefined>;
  /** Most recently updated first. */
  listDocuments(): Promise<DocumentMetadata[]>;
  /** A room's Y.Doc (content or review); undefined when nothing is stored. The caller destroys it. */
  loadRoom(room: string): Promise<Y.Doc | undefined>;
}

/** Reads the state of a room kept in memory, if any (`SyncEngine.liveState`). */
export type LiveStateReader = (room: string) => Uint8Array | undefined;

export function storeExportSource(store: DocumentStore, liveState?: LiveStateReader): ExportSource {
  return {
    getDocument: (id) => store.getDocument(id),
    listDocuments: () => store.listDocuments(),
    async loadRoom(room) {
      // An open document: its in-memory state is the newest, including what is being stored.
      const live = liveState?.(room);
      if (live) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, live);
        return doc;
      }
      const stored = await store.loadDocument(room);
      if (!stored) return undefined;
      const doc = new Y.Doc();
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        // One by one: Y.mergeUpdates over a long log is super-linear.
        for (const { update } of stored.updates) Y.applyUpdate(doc, update);
      } catch (error) {
        doc.destroy();
        throw error;
      }
      return doc;
    },
  };
}
