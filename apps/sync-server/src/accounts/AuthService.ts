import type { IncomingMessage } from 'node:http';
import { parseCookies } from '../auth/cookies.js';
import { LoginThrottle } from '../auth/LoginThrottle.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwordHash.js';
import { hashSecret, newSecret } from '../auth/secretToken.js';
import type { AccountStore, User } from './AccountStore.js';
import { newId } from '../newId.js';

export const SESSION_COOKIE = 'canevas_session';
export const API_TOKEN_PREFIX = 'cnv_';
const SESSION_PREFIX = 's_';

export type AuthFailure = 'invalid_credentials' | 'throttled' | 'invalid_input' | 'email_taken';

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
  /** Default 30 days. */
  sessionTtlMs?: number;
  now?: () => number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class AuthService {
  readonly accounts: AccountStore;
  readonly sessionTtlMs: number;
  readonly #throttle: LoginThrottle;
  readonly #now: () => number;
  // Verified against when the email is unknown, so both paths cost one scrypt.
  #decoyHash: Promise<string> | undefined;

  constructor(options: AuthServiceOptions) {
    this.accounts = options.accounts;
    this.#throttle = options.throttle ?? new LoginThrottle();
    this.sessionTtlMs = options.sessionTtlMs ?? 30 * 24 * 3600_000;
    this.#now = options.now ?? Date.now;
  }

  /** The first account of an instance becomes its administrator and owner of unowned workspaces. */
  async createUser(input: { email: string; name?: string; password: string }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new AuthError('invalid_input', 'Adresse e-mail invalide.');
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('invalid_input', problem);
    const name = (input.name ?? '').trim() || email.split('@')[0]!;
    if (name.length > 80) throw new AuthError('invalid_input', 'Le nom ne doit pas dépasser 80 caractères.');
    if (await this.accounts.findUserByEmail(email)) throw new AuthError('email_taken', `Un compte existe déjà pour ${email}.`);
    // Hash first: counting and inserting then happen back to back, so two simultaneous first
    // sign-ups cannot both become administrator.
    const passwordHash = await hashPassword(input.password);
    const isAdmin = (await this.accounts.countUsers()) === 0;
    const user = await this.accounts.createUser({
      id: newId(12),
      email,
      name,
      passwordHash,
      isAdmin,
      createdAt: this.#now(),
    });
    // The administrator adopts the workspaces nobody belongs to (the demo, older documents).
    if (isAdmin) for (const workspace of await this.accounts.listOrphanWorkspaces()) await this.accounts.setMember(workspace.id, user.id, 'owner', this.#now());
    return user;
  }

  /** Checks the password (throttled per email and per client address) and opens a session. */
  async logIn(input: { email: string; password: string; address: string }): Promise<{ user: User; sessionToken: string; expiresAt: number }> {
    const email = input.email.trim().toLowerCase();
    const keys = [`email:${email}`, `address:${input.address}`];
    const decision = this.#throttle.check(keys);
    if (!decision.allowed) {
      throw new AuthError(
        'throttled',
        `Trop de tentatives de connexion. Réessayez dans ${decision.retryAfterSeconds} s.`,
        decision.retryAfterSeconds,
      );
    }
    const found = await this.accounts.findUserByEmail(email);
    const ok = await verifyPassword(input.password, found?.passwordHash ?? (await this.#decoy()));
    if (!found || !found.passwordHash || !ok) {
      this.#throttle.recordFailure(keys);
      await this.accounts.audit({ at: this.#now(), userId: found?.id ?? null, action: 'auth.login_failed', detail: { address: input.address } });
      throw new AuthError('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
    }
    this.#throttle.recordSuccess(`email:${email}`);
    const sessionToken = newSecret(SESSION_PREFIX);
    const now = this.#now();
    const expiresAt = now + this.sessionTtlMs;
    await this.accounts.createSession({ tokenHash: hashSecret(sessionToken), userId: found.id, createdAt: now, expiresAt });
    await this.accounts.audit({ at: now, userId: found.id, action: 'auth.login', detail: { address: input.address } });
    const { passwordHash: _hash, ...user } = found;
    return { user, sessionToken, expiresAt };
  }

  async logOut(sessionToken: string): Promise<void> {
    await this.accounts.deleteSession(hashSecret(sessionToken));
  }

  async createApiToken(userId: string, name: string, ttlMs?: number): Promise<{ id: string; token: string }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const id = newId(8);
    const now = this.#now();
    await this.accounts.createApiToken({
      id,
      tokenHash: hashSecret(token),
      userId,
      name: name.trim().slice(0, 80) || 'jeton',
      createdAt: now,
      expiresAt: ttlMs === undefined ? null : now + ttlMs,
    });
    return { id, token };
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
