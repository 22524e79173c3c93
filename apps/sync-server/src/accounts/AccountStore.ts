/**
 * Accounts, sessions, API tokens, workspaces, memberships and invitations, behind an interface
 * like the document store so that Postgres can replace SQLite. Secrets (session ids, tokens,
 * invitation links) are passed in already hashed: the store never sees a usable credential, except
 * inside a message of the mail outbox, until it is sent (see MailOutbox).
 */
import type { OutgoingMail } from '../mail/MailOutbox.js';

export const ROLES = ['owner', 'editor', 'tutor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Propriétaire',
  editor: 'Rédacteur',
  tutor: 'Tuteur',
  viewer: 'Lecteur',
};

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: number;
}

export interface Membership {
  user: User;
  role: Role;
  since: number;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  role: Role;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedBy: string | null;
  acceptedAt: number | null;
  revokedAt: number | null;
}

export interface AuditEntry {
  at: number;
  userId: string | null;
  /** `document.open`, `member.role_changed`, `auth.login_failed`… */
  action: string;
  workspaceId?: string | null;
  documentId?: string | null;
  /** Small JSON-serialisable details; never secrets. */
  detail?: Record<string, unknown>;
}

/** Which audit entries to read; the filters combine with AND, an absent one matches every entry. */
export interface AuditFilter {
  documentId?: string;
  workspaceId?: string;
  userId?: string;
}

export class DuplicateEmailError extends Error {
  override readonly name = 'DuplicateEmailError';
  constructor(readonly email: string) {
    super(`Un compte existe déjà pour ${email}.`);
  }
}

/** Why a change that must leave the workspace an owner was refused. */
export type MembershipRefusal = 'not_member' | 'last_owner';

export interface AccountStore {
  countUsers(): Promise<number>;
  /** Throws {@link DuplicateEmailError}. The email is stored trimmed and lower-cased. */
  createUser(user: { id: string; email: string; name: string; passwordHash: string | null; isAdmin: boolean; createdAt: number }): Promise<User>;
  /**
   * In one transaction: checks that the invitation is still usable (not accepted, not revoked,
   * `expiresAt > user.createdAt`), creates the user (never an
   * administrator), marks the invitation used and grants its role. Undefined, and nothing
   * created, when the invitation was used, revoked or expired, even by a concurrent call.
   * Throws {@link DuplicateEmailError}.
   */
  createInvitedUser(
    user: { id: string; email: string; name: string; passwordHash: string; createdAt: number },
    invitationId: string,
  ): Promise<User | undefined>;
  getUser(id: string): Promise<User | undefined>;
  /** The email is trimmed and lower-cased before the lookup. */
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  /** By email. */
  listUsers(): Promise<User[]>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Changes the display name; false when there is no such user. */
  renameUser(userId: string, name: string): Promise<boolean>;

  /** `idToken`: the OpenID provider's ID token of a single sign-on session, kept for its logout (`id_token_hint`). */
  createSession(session: { tokenHash: string; userId: string; createdAt: number; expiresAt: number; idToken?: string }): Promise<void>;
  /** The session's user when it exists and has not expired at `now` (`expiresAt > now`). */
  findSession(tokenHash: string, now: number): Promise<{ userId: string; expiresAt: number } | undefined>;
  /** Deletes the session; what it held for the provider's logout, or undefined when there was none. */
  deleteSession(tokenHash: string): Promise<{ idToken: string | null } | undefined>;
  /** The account an OpenID provider's identity (`iss`, `sub`) was linked to. */
  findUserByIdentity(issuer: string, subject: string): Promise<User | undefined>;
  /**
   * Links a provider identity to an account; false (and nothing changed) when that identity is
   * already linked, to this account or another.
   */
  linkIdentity(identity: { issuer: string; subject: string; userId: string; createdAt: number }): Promise<boolean>;
  deleteSessionsOf(userId: string): Promise<void>;

  createApiToken(token: { id: string; tokenHash: string; userId: string; name: string; createdAt: number; expiresAt: number | null }): Promise<void>;
  /**
   * The token's id and user when it exists and has not expired (`expiresAt` null or > `now`).
   * Also records `lastUsedAt = now`, best effort: a failure to record it never refuses the token.
   */
  useApiToken(tokenHash: string, now: number): Promise<{ id: string; userId: string } | undefined>;
  /** Oldest first; expired ones included. */
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  /** Deletes the user's token; an administrator passes `userId: null` to revoke anybody's. False when there was none. */
  revokeApiToken(userId: string | null, id: string): Promise<boolean>;
  /** A token by id, whoever owns it (administration). */
  getApiToken(id: string): Promise<ApiTokenRecord | undefined>;
  /**
   * The stored hash of an API token or an invitation (never a usable credential), by id, so that
   * `pnpm canevas migrate` can copy them into another store; undefined when there is none.
   */
  credentialHash(kind: 'apiToken' | 'invitation', id: string): Promise<string | undefined>;

  /**
   * Creates the workspace and makes `ownerId` its owner, atomically. With `maxOwnedPerUser`, throws
   * `QuotaExceededError` (store/quotas.ts) when the owner already owns that many workspaces, checked
   * in the same transaction.
   */
  createWorkspace(workspace: { id: string; name: string; ownerId: string; createdAt: number }, limits?: { maxOwnedPerUser?: number }): Promise<Workspace>;
  getWorkspace(id: string): Promise<Workspace | undefined>;
  renameWorkspace(id: string, name: string): Promise<boolean>;
  /** Workspaces without any member (the demo, documents from before accounts existed), oldest first. */
  listOrphanWorkspaces(): Promise<Workspace[]>;
  createOrphanWorkspace(workspace: { id: string; name: string; createdAt: number }): Promise<Workspace>;
  /**
   * Every workspace with its number of members (administration: `workspace list`), by name
   * compared code point by code point (uppercase before lowercase), then by id.
   */
  listWorkspaces(): Promise<{ workspace: Workspace; members: number }[]>;
  /** The workspaces a user belongs to, with their role, by name ignoring case, then by id. */
  listWorkspacesOf(userId: string): Promise<{ workspace: Workspace; role: Role }[]>;
  getRole(workspaceId: string, userId: string): Promise<Role | undefined>;
  /** By name ignoring case, then by email. */
  listMembers(workspaceId: string): Promise<Membership[]>;
  /** Adds the member (`since = now`) or changes their role (keeping `since`). */
  setMember(workspaceId: string, userId: string, role: Role, now: number): Promise<void>;
  removeMember(workspaceId: string, userId: string): Promise<boolean>;
  /**
   * Changes a current member's role (`null` removes them) unless the workspace would be left
   * without an owner; the check and the change are one transaction. Returns the former role.
   */
  changeMemberKeepingOwner(workspaceId: string, userId: string, role: Role | null): Promise<{ ok: true; before: Role } | { ok: false; reason: MembershipRefusal }>;

  /** With `mail`, the message that carries the link is put in the mail outbox in the same transaction. */
  createInvitation(
    invitation: { id: string; tokenHash: string; workspaceId: string; role: Role; createdBy: string; createdAt: number; expiresAt: number },
    mail?: OutgoingMail,
  ): Promise<Invitation>;

  /** Records a password reset (by hash) and puts its message in the mail outbox, in one transaction. */
  createPasswordReset(reset: { tokenHash: string; userId: string; createdAt: number; expiresAt: number }, mail: OutgoingMail): Promise<void>;
  /**
   * In one transaction: when the reset exists, is unused and `expiresAt > now`, marks it and every
   * other unused reset of its user used, sets the new password hash and ends the user's sessions.
   * The user, or undefined (nothing changed) when the reset was used, expired or never existed.
   */
  consumePasswordReset(tokenHash: string, now: number, passwordHash: string): Promise<User | undefined>;
  /** Whatever its state (used, revoked, expired): the caller tells the user which. */
  findInvitation(tokenHash: string): Promise<Invitation | undefined>;
  /** Newest first, whatever their state. */
  listInvitations(workspaceId: string): Promise<Invitation[]>;
  /** Sets `revokedAt = now` unless it was already revoked or accepted (then false). */
  revokeInvitation(workspaceId: string, id: string, now: number): Promise<boolean>;
  /**
   * Marks the invitation used and grants its role, atomically. A current member keeps the higher
   * of their role and the invited one. False when it was used, revoked or expired meanwhile.
   */
  acceptInvitation(id: string, userId: string, now: number): Promise<boolean>;

  /** Appends to the audit log, which is also the access log (`document.open` entries). */
  audit(entry: AuditEntry): Promise<void>;
  /**
   * Newest first (the order of `audit` calls), the filters combined with AND; `limit` defaults
   * to 200 and is clamped to 1…10,000. Absent `workspaceId`/`documentId` read back as null, an
   * absent `detail` stays absent.
   */
  listAudit(filter: AuditFilter & { limit?: number }): Promise<AuditEntry[]>;
  /**
   * Every entry matching `filter`, oldest first, however many there are: read `pageSize` rows at
   * a time (default 1,000, clamped to 1…10,000) by keyset on the log's insertion order, so no page
   * holds the whole log and none is read twice. For a log nobody writes to meanwhile (a copy, an
   * export); entries appended during the read may or may not be included.
   */
  readAudit(filter: AuditFilter, options?: { pageSize?: number }): AsyncIterable<AuditEntry>;
}
