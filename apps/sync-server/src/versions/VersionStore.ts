/**
 * How a version came to be:
 * - `auto`: taken by the server after a burst of editing went idle, or during a long one;
 * - `named`: asked for by someone (« Enregistrer une version… »), with its name;
 * - `restore`: the state a restore produced (the version before it is the one to restore to undo it);
 * - `submission`: taken when the document was submitted to the tutor (its name is the submission's).
 */
export type VersionKind = 'auto' | 'named' | 'restore' | 'submission';

export const VERSION_KINDS: readonly VersionKind[] = ['auto', 'named', 'restore', 'submission'];

/** One kept state of a document's content (see docs/adr/0012-version-history.md). */
export interface Version {
  id: string;
  documentId: string;
  kind: VersionKind;
  /** Named and submission versions; null for the others. */
  name: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The account that asked for it (named, restore, submission); null for automatic versions. */
  createdBy: string | null;
  /** Accounts (ids) whose edits reached the document since the previous version, in first-edit order. */
  editors: string[];
  /** For a `restore` version: the version restored. */
  restoredFrom: string | null;
  /** Bytes the state takes in the store (compressed). */
  bytes: number;
}

export interface VersionWithState extends Version {
  /** The content doc's full state, encoded once as a Yjs update (garbage-collected). */
  state: Uint8Array;
}

export type NewVersion = Omit<VersionWithState, 'bytes'>;

/**
 * Versions belong to their document: deleting the document deletes them (a foreign key with
 * ON DELETE CASCADE in both engines). A version never changes once created; thinning deletes
 * automatic ones (see `versionsToThin`).
 */
export interface VersionStore {
  /** Stores the version with its state; returns it without the state. */
  create(version: NewVersion): Promise<Version>;
  /** The document's versions, newest first (ties: the last created first). Never the states. */
  list(documentId: string): Promise<Version[]>;
  /** One version with its state; undefined when there is none with this id. */
  get(id: string): Promise<VersionWithState | undefined>;
  /** Deletes these versions of the document (others' ids are ignored); resolves to how many went. */
  delete(documentId: string, ids: readonly string[]): Promise<number>;
}
