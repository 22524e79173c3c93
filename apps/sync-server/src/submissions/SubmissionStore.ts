/** A frozen, named version of a document: the tutor reviews it while the draft moves on. */
export interface Submission {
  id: string;
  documentId: string;
  name: string;
  /** The author's display name at submission time (« Compte supprimé » once erased). */
  createdBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface SubmissionWithState extends Submission {
  /** The Yjs state of the content doc at submission time. */
  state: Uint8Array;
}

/**
 * Submissions belong to their document: deleting the document deletes them (in SQLite, a foreign
 * key with ON DELETE CASCADE). A submission is never changed once created, except by an account's
 * erasure, which renames its author (see `PrivacyStore.eraseUser`).
 */
export interface SubmissionStore {
  /** Stores the submission with its state; returns it without the state. */
  create(submission: SubmissionWithState): Promise<Submission>;
  /** The document's submissions, newest first (ties: the last created first). Never the states. */
  list(documentId: string): Promise<Submission[]>;
  /** One submission with its state; undefined when there is none with this id. */
  get(id: string): Promise<SubmissionWithState | undefined>;
  /** Every submission whose `createdBy` is exactly this name, oldest first (RGPD export). */
  listByAuthor(name: string): Promise<Submission[]>;
}
