import type { IncomingMessage } from 'node:http';
import { parseCookies } from '../auth/cookies.js';
import { LoginThrottle } from '../auth/LoginThrottle.js';
import { PasswordHashBusyError, PasswordHashGate } from '../auth/PasswordHashGate.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwordHash.js';
import { hashSecret, newSecret } from '../auth/secretToken.js';
import { DuplicateEmailError, type AccountStore, type User } from './AccountStore.js';
import { newId } from '../newId.js';

export const SESSION_COOKIE = 'canevas_session';
export const API_TOKEN_PREFIX = 'cnv_';
const SESSION_PREFIX = 's_';

export type AuthFailure = 'invalid_credentials' | 'throttled' | 'invalid_input' | 'email_taken' | 'invitation_unusable' | 'busy';

/**
 * The one answer to a sign-up by invitation that cannot go through, whether the invitation is
 * used, revoked or expired, or the email already has an account: it must not tell which.
 */
export const SIGN_UP_REFUSED_MESSAGE =
  'Impossible de créer un compte avec cette invitation. Si vous avez déjà un compte, connectez-vous pour l’accepter ; sinon, demandez une nouvelle invitation.';

/** Default lifetime of an API token when none is given: 90 days. */
export const DEFAULT_API_TOKEN_DAYS = 90;

/** A refusal with a French message safe to show: it never says whether the email exists. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly reason: AuthFailure,
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

export interface AuthenticatedUser {
  user: User;
  via: 'session' | 'token';
}

export interface AuthServiceOptions {
  accounts: AccountStore;
  throttle?: LoginThrottle;
  /** Bounds password hashing (shared by every call of the process). */
  hashGate?: PasswordHashGate;
  /** Lifetime of a new API token when its creator gives none. Default {@link DEFAULT_API_TOKEN_DAYS} days. */
  apiTokenTtlMs?: number;
  /** Default 30 days. */
  sessionTtlMs?: number;
  now?: () => number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class AuthService {
  readonly accounts: AccountStore;
  readonly sessionTtlMs: number;
  readonly apiTokenTtlMs: number;
  readonly #throttle: LoginThrottle;
  readonly #hashGate: PasswordHashGate;
  readonly #now: () => number;
  // Verified against when the email is unknown, so both paths cost one scrypt.
  #decoyHash: Promise<string> | undefined;

  constructor(options: AuthServiceOptions) {
    this.accounts = options.accounts;
    this.#throttle = options.throttle ?? new LoginThrottle();
    this.#hashGate = options.hashGate ?? new PasswordHashGate();
    this.apiTokenTtlMs = options.apiTokenTtlMs ?? DEFAULT_API_TOKEN_DAYS * 24 * 3600_000;
    this.sessionTtlMs = options.sessionTtlMs ?? 30 * 24 * 3600_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The first account of an instance becomes its administrator and owner of unowned workspaces.
   * With `invitationId`, the account exists only if that invitation is consumed with it (see
   * {@link AccountStore.createInvitedUser}); such attempts count against the client address like
   * failed logins, so one invitation cannot probe which emails have an account.
   */
  async createUser(input: { email: string; name?: string; password: string; address?: string; invitationId?: string }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new AuthError('invalid_input', 'Adresse e-mail invalide.');
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('invalid_input', problem);
    const name = (input.name ?? '').trim() || email.split('@')[0]!;
    if (name.length > 80) throw new AuthError('invalid_input', 'Le nom ne doit pas dépasser 80 caractères.');
    const invitationId = input.invitationId;
    const attempt = invitationId === undefined || input.address === undefined ? undefined : this.#admit([`address:${input.address}`]);
    try {
      // Hashed whether or not the email is taken, so the time taken does not tell either.
      const passwordHash = await this.#hash(input.address, () => hashPassword(input.password));
      const id = newId(12);
      let user: User | undefined;
      if (invitationId !== undefined) {
        user = await this.accounts.createInvitedUser({ id, email, name, passwordHash, createdAt: this.#now() }, invitationId);
        if (!user) throw new AuthError('invitation_unusable', SIGN_UP_REFUSED_MESSAGE);
      } else {
        // Counting and inserting happen back to back, so two simultaneous first sign-ups cannot
        // both become administrator.
        const isAdmin = (await this.accounts.countUsers()) === 0;
        user = await this.accounts.createUser({ id, email, name, passwordHash, isAdmin, createdAt: this.#now() });
        // The administrator adopts the workspaces nobody belongs to (the demo, older documents).
        if (isAdmin) for (const workspace of await this.accounts.listOrphanWorkspaces()) await this.accounts.setMember(workspace.id, user.id, 'owner', this.#now());
      }
      attempt?.succeeded(`address:${input.address}`);
      return user;
    } catch (error) {
      const refused = error instanceof DuplicateEmailError || (error instanceof AuthError && error.reason === 'invitation_unusable');
      if (refused) attempt?.failed();
      else attempt?.abandoned();
      if (error instanceof DuplicateEmailError) {
        throw invitationId === undefined ? new AuthError('email_taken', `Un compte existe déjà pour ${email}.`) : new AuthError('invitation_unusable', SIGN_UP_REFUSED_MESSAGE);
      }
      throw error;
    }
  }

  /**
   * Checks the password and opens a session. Throttled per email and per client address, per
   * call: the attempt is counted before its password is hashed.
   */
  async logIn(input: { email: string; password: string; address: string }): Promise<{ user: User; sessionToken: string; expiresAt: number }> {
    const email = input.email.trim().toLowerCase();
    const keys = [`email:${email}`, `address:${input.address}`];
    const attempt = this.#admit(keys);
    let found: Awaited<ReturnType<AccountStore['findUserByEmail']>>;
    let ok: boolean;
    try {
      found = await this.accounts.findUserByEmail(email);
      ok = await this.#hash(input.address, async () => verifyPassword(input.password, found?.passwordHash ?? (await this.#decoy())));
    } catch (error) {
      attempt.abandoned();
      throw error;
    }
    if (!found || !found.passwordHash || !ok) {
      attempt.failed();
      await this.accounts.audit({ at: this.#now(), userId: found?.id ?? null, action: 'auth.login_failed', detail: { address: input.address } });
      throw new AuthError('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
    }
    attempt.succeeded(`email:${email}`);
    const { passwordHash: _hash, ...user } = found;
    return this.openSession(user, input.address);
  }

  /**
   * A new session for a user whose credentials were just checked (log-in, sign-up), or whom an
   * OpenID provider just signed in (`singleSignOn`: its ID token, kept for the provider's logout,
   * and what the audit log records of it).
   */
  async openSession(
    user: User,
    address: string,
    singleSignOn?: { idToken: string; detail: Record<string, unknown> },
  ): Promise<{ user: User; sessionToken: string; expiresAt: number }> {
    const sessionToken = newSecret(SESSION_PREFIX);
    const now = this.#now();
    const expiresAt = now + this.sessionTtlMs;
    await this.accounts.createSession({
      tokenHash: hashSecret(sessionToken),
      userId: user.id,
      createdAt: now,
      expiresAt,
      ...(singleSignOn && { idToken: singleSignOn.idToken }),
    });
    await this.accounts.audit({ at: now, userId: user.id, action: 'auth.login', detail: { address, ...(singleSignOn && { via: 'oidc', ...singleSignOn.detail }) } });
    return { user, sessionToken, expiresAt };
  }

  /**
   * Checks a new password against the rules and hashes it through the gate (a password reset).
   * Throws {@link AuthError} `invalid_input` with the rule's French message, or `busy`.
   */
  async hashNewPassword(password: string, address: string | undefined): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new AuthError('invalid_input', problem);
    return this.#hash(address, () => hashPassword(password));
  }

  /** Password hashes waiting or running (for tests and monitoring). */
  hashingStats(): { running: number; queued: number } {
    return this.#hashGate.stats();
  }

  #admit(keys: string[]) {
    const attempt = this.#throttle.begin(keys);
    if (!attempt.allowed) {
      throw new AuthError('throttled', `Trop de tentatives de connexion. Réessayez dans ${attempt.retryAfterSeconds} s.`, attempt.retryAfterSeconds);
    }
    return attempt;
  }

  async #hash<T>(address: string | undefined, hash: () => Promise<T>): Promise<T> {
    try {
      return await this.#hashGate.run(address, hash);
    } catch (error) {
      if (error instanceof PasswordHashBusyError) throw new AuthError('busy', error.message, 1);
      throw error;
    }
  }

  /** Ends the session; the provider's ID token when it was opened by single sign-on, for the provider's logout. */
  async logOut(sessionToken: string): Promise<{ idToken: string | null }> {
    const ended = await this.accounts.deleteSession(hashSecret(sessionToken));
    return { idToken: ended?.idToken ?? null };
  }

  /** `ttlMs` defaults to {@link apiTokenTtlMs}; `null` makes a token that never expires. */
  async createApiToken(userId: string, name: string, ttlMs?: number | null): Promise<{ id: string; token: string; expiresAt: number | null }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const id = newId(8);
    const now = this.#now();
    const lifetime = ttlMs === undefined ? this.apiTokenTtlMs : ttlMs;
    const expiresAt = lifetime === null ? null : now + lifetime;
    await this.accounts.createApiToken({ id, tokenHash: hashSecret(token), userId, name: name.trim().slice(0, 80) || 'jeton', createdAt: now, expiresAt });
    return { id, token, expiresAt };
  }

  /** Who sent this request: `Authorization: Bearer cnv_…`, else the session cookie. */
  async authenticate(req: IncomingMessage): Promise<AuthenticatedUser | undefined> {
    const authorization = req.headers.authorization;
    if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
      const token = authorization.replace(/^Bearer\s+/i, '').trim();
      const found = token.startsWith(API_TOKEN_PREFIX) ? await this.accounts.useApiToken(hashSecret(token), this.#now()) : undefined;
      const user = found && (await this.accounts.getUser(found.userId));
      return user && { user, via: 'token' };
    }
    const sessionToken = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!sessionToken) return undefined;
    return this.authenticateSession(sessionToken);
  }

  async authenticateSession(sessionToken: string): Promise<AuthenticatedUser | undefined> {
    const session = await this.accounts.findSession(hashSecret(sessionToken), this.#now());
    const user = session && (await this.accounts.getUser(session.userId));
    return user && { user, via: 'session' };
  }

  #decoy(): Promise<string> {
    return (this.#decoyHash ??= hashPassword(newSecret()));
  }
}
