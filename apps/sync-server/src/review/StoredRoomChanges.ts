import * as Y from 'yjs';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { ServerChanges } from './ServerChanges.js';

/** A room whose stored rows cannot be applied: it is left as it is, for the server to quarantine. */
export class UnreadableStoredRoomError extends Error {
  override readonly name = 'UnreadableStoredRoomError';
  constructor(
    readonly room: string,
    cause: unknown,
  ) {
    super(`Les données enregistrées de ${room} sont illisibles : rien n’y a été changé.`, { cause });
  }
}

/**
 * Server changes written straight to the store: load the room, apply the change to a Y.Doc built
 * from it, append the update it produced. Only safe while no server holds the room in memory (a
 * server would not see the appended row until it reloads, and could fold over it): commands that
 * write open the stores as `exclusive`. A change that writes nothing appends nothing, so reading
 * through it (an export) is safe beside a running server. The log is not folded here: the server
 * folds it once it loads the room.
 */
export class StoredRoomChanges implements ServerChanges {
  constructor(private readonly store: DocumentStore) {}

  async applyServerChange<T>(room: string, change: (doc: Y.Doc) => T): Promise<{ found: false } | { found: true; value: T }> {
    const stored = await this.store.loadDocument(room);
    if (!stored) return { found: false };
    const doc = new Y.Doc();
    try {
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        // One by one: Y.mergeUpdates over a long log is super-linear.
        for (const { update } of stored.updates) Y.applyUpdate(doc, update);
      } catch (error) {
        throw new UnreadableStoredRoomError(room, error);
      }
      const updates: Uint8Array[] = [];
      const collect = (update: Uint8Array) => updates.push(update);
      doc.on('update', collect);
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: doc.transact(() => change(doc)) };
      } catch (error) {
        outcome = { ok: false, error };
      } finally {
        doc.off('update', collect);
      }
      if (updates.length > 0) await this.store.appendUpdates([{ room, update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) }]);
      if (!outcome.ok) throw outcome.error;
      return { found: true, value: outcome.value };
    } finally {
      doc.destroy();
    }
  }
}
