/**
 * Persistence behind an interface so that a Postgres implementation can replace SQLite when
 * several instances run. Every method may be asynchronous; callers never assume otherwise.
 */
export interface DocumentMetadata {
  id: string;
  title: string;
  workspaceId: string | null;
  referentialId: string | null;
  templateId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Milliseconds since the epoch; bumped by renames and by every stored update. */
  updatedAt: number;
}

/** A document in the bin (« Corbeille »): kept whole, found by nothing else until restored or purged. */
export interface TrashedDocument extends DocumentMetadata {
  /** Milliseconds since the epoch. */
  trashedAt: number;
  /** The account that deleted it. */
  trashedBy: string | null;
}

export interface StoredUpdate {
  /**
   * Increases with every append: within a room, a later update has a larger id (ids may skip, and
   * may be shared by no other room). `foldLog(room, snapshot, rowId)` removes this update and
   * every earlier one of the room.
   */
  rowId: number;
  update: Uint8Array;
}

export interface StoredDocument {
  /** The compacted state, or null when the document has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended since the snapshot, in insertion order. */
  updates: StoredUpdate[];
  /** True when this room is recorded as the one whose rows made its document quarantined. */
  quarantined?: boolean;
}

/** A document whose stored rows could not be applied: nobody may open or write it. */
export interface QuarantineRecord {
  docId: string;
  /** The room whose rows failed: the document id, or `<docId>/review`. */
  room: string;
  /** Technical reason, for the administrator (the Yjs or SQLite error). */
  reason: string;
  /** Milliseconds since the epoch. */
  quarantinedAt: number;
}

export interface PendingUpdate {
  /** A room name: the document id, or `<docId>/review` for its review doc. */
  room: string;
  update: Uint8Array;
}

export interface NewDocument {
  id: string;
  title: string;
  workspaceId: string | null;
  referentialId: string | null;
  templateId: string | null;
  createdAt: number;
  /** The initial Yjs state (empty or from a template). */
  snapshot: Uint8Array;
}

/**
 * The Yjs methods (`loadDocument`, `appendUpdates`, `foldLog`) take a room name: a document id
 * for its content, or `<docId>/review` for its review doc (evidence links). Both are stored apart
 * and belong to the document: deleting it deletes both.
 */
export interface DocumentStore {
  /**
   * The snapshot and the updates after it, read in ONE consistent view (a concurrent fold is seen
   * entirely or not at all). Undefined when the document does not exist or the room name is
   * invalid; a review doc never written is `{ snapshot: null, updates: [] }`.
   */
  loadDocument(room: string): Promise<StoredDocument | undefined>;
  /**
   * Appends a batch in ONE transaction: either all updates are durable or none is, and they are
   * durable when the promise resolves (the server relays them only then). Order within a room is
   * kept. Updates of documents that no longer exist are dropped silently. A content update sets
   * its document's `updatedAt` to the time of the append; a review update does not. Throws on a
   * storage fault (the error's `code` lets `storageFaultKind` classify it), storing nothing.
   */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<void>;
  /**
   * Folds the log into the snapshot: replaces the snapshot and deletes the room's updates with
   * rowId ≤ upToRowId (`Number.MAX_SAFE_INTEGER`: all of them), atomically; later updates stay.
   * The caller built `snapshot` from the snapshot and exactly those updates. Does nothing when
   * the document no longer exists. Two processes may fold one room at once (several instances):
   * an implementation that allows that must never delete an update the stored snapshot lacks.
   */
  foldLog(room: string, snapshot: Uint8Array, upToRowId: number): Promise<void>;
  /**
   * With `maxPerWorkspace`, throws `QuotaExceededError` (store/quotas.ts) when the document's workspace
   * already holds that many documents, counted in the same transaction as the insert. The
   * snapshot becomes the content's stored state and `updatedAt` = `createdAt`. An existing id
   * throws.
   */
  createDocument(document: NewDocument, limits?: { maxPerWorkspace?: number }): Promise<void>;
  getDocument(id: string): Promise<DocumentMetadata | undefined>;
  /** Most recently updated first; equal times: the most recently created first. */
  listDocuments(): Promise<DocumentMetadata[]>;
  /** Sets the title and `updatedAt = now`. False when the document does not exist. */
  renameDocument(id: string, title: string, now: number): Promise<boolean>;
  /**
   * Removes metadata, snapshots and logs (content and review), its submissions and its
   * quarantine record. False when the document does not exist.
   */
  deleteDocument(id: string): Promise<boolean>;
  /**
   * Moves a document to the bin: from then on `getDocument`, `listDocuments`, `renameDocument` and
   * `loadDocument` (both rooms) ignore it, so everything built on them answers « introuvable »,
   * while every row stays for a restore. False when it does not exist or is in the bin already.
   */
  trashDocument(id: string, at: number, by: string | null): Promise<boolean>;
  /** Takes a document out of the bin, as it was. False when it is not in the bin. */
  restoreTrashedDocument(id: string): Promise<boolean>;
  /** The documents in the bin, most recently deleted first. */
  listTrashed(): Promise<TrashedDocument[]>;
  /**
   * Records (or replaces: one per document) a quarantine; never touches the document's snapshot
   * or log rows. Ignored when the document does not exist. `loadDocument(record.room)` then says
   * `quarantined: true`.
   */
  quarantine(record: QuarantineRecord): Promise<void>;
  /** Forgets a quarantine, once the document loads again (after a restore, for instance). */
  releaseQuarantine(docId: string): Promise<void>;
  /** Every recorded quarantine (a handful at most), oldest first. */
  listQuarantined(): Promise<QuarantineRecord[]>;
  /**
   * Documents that belong to no workspace (created before accounts existed, or by the demo seed)
   * move, in ONE transaction, into `workspace`, created there without members (the first
   * administrator adopts it at sign-up, see `AccountStore.listOrphanWorkspaces`). Returns how many
   * moved; when none did, nothing is created.
   */
  placeUnassignedDocuments(workspace: { id: string; name: string; createdAt: number }): Promise<number>;
  /** Number of stored documents (the demo seed only runs on an empty store). */
  countDocuments(): Promise<number>;
  close(): Promise<void>;
}
