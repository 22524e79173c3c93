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
  /** Documents recorded in quarantine (their stored rows could not be read). */
  quarantinedIds(): Promise<Set<string>>;
}

/** A room whose stored rows Yjs refuses: its document is (or is about to be) in quarantine. */
export class UnreadableRoomError extends Error {
  override readonly name = 'UnreadableRoomError';
  constructor(
    readonly room: string,
    cause: unknown,
  ) {
    super(`The stored rows of ${room} cannot be read.`, { cause });
  }
}

/** Reads the state of a room kept in memory, if any (`SyncEngine.liveState`). */
export type LiveStateReader = (room: string) => Uint8Array | undefined;

export function storeExportSource(store: DocumentStore, liveState?: LiveStateReader): ExportSource {
  return {
    getDocument: (id) => store.getDocument(id),
    listDocuments: () => store.listDocuments(),
    quarantinedIds: async () => new Set((await store.listQuarantined()).map((record) => record.docId)),
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
        throw new UnreadableRoomError(room, error);
      }
      return doc;
    },
  };
}
