/** How an erased account's authorship reads wherever it stays (submissions, review docs). */
export const ERASED_AUTHOR = 'Compte supprimé';
/** What replaces an erased account's id inside audit details (role changes, exports). */
export const ERASED_REFERENCE = 'compte-supprimé';

/**
 * The stored side of the RGPD right to erasure: what spans several tables (accounts, audit log,
 * submissions) and must happen entirely or not at all. The review docs (Yjs) are rewritten apart,
 * by the privacy service, before this runs.
 */
export interface PrivacyStore {
  /**
   * In ONE transaction:
   * - submissions whose `createdBy` is `user.name` get `createdBy = ERASED_AUTHOR`;
   * - audit entries of the user get `userId = null`;
   * - audit details that contain the user's id, anywhere in their JSON text, get every occurrence
   *   of it replaced by {@link ERASED_REFERENCE};
   * - the user is deleted, with their sessions, API tokens, memberships and provider identities.
   * Invitations they created, documents and workspaces stay. A user that does not exist is no
   * error (the other changes still apply, and change nothing of another account).
   */
  eraseUser(user: { id: string; name: string }): Promise<void>;
}
