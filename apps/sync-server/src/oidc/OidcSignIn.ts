import { DuplicateEmailError, type AccountStore, type User } from '../accounts/AccountStore.js';
import { newId } from '../newId.js';
import { SignInFailure, type ProviderIdentity } from './OidcClient.js';

export interface OidcSignInOptions {
  accounts: AccountStore;
  /** E-mail domains (lower-case) whose people get an account at their first sign-in. */
  allowedDomains: readonly string[];
  /** The provider vouches for its e-mails even without `email_verified` (ProConnect). */
  trustEmail: boolean;
  now?: () => number;
}

/**
 * Which Canevas account a provider identity signs in to:
 * 1. the account this identity (`iss`, `sub`) was linked to before, whatever its e-mail now;
 * 2. else the account holding the same e-mail, if the provider verified it, then linked;
 * 3. else, for a verified e-mail of an allowed domain, a new account (never an administrator).
 * Anything else is refused: an unverified e-mail never reaches an existing account.
 */
export class OidcSignIn {
  readonly #accounts: AccountStore;
  readonly #allowedDomains: ReadonlySet<string>;
  readonly #trustEmail: boolean;
  readonly #now: () => number;

  constructor(options: OidcSignInOptions) {
    this.#accounts = options.accounts;
    this.#allowedDomains = new Set(options.allowedDomains.map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean));
    this.#trustEmail = options.trustEmail;
    this.#now = options.now ?? Date.now;
  }

  /** The account, and how it was reached (for the audit log). Throws {@link SignInFailure}. */
  async accountFor(identity: ProviderIdentity): Promise<{ user: User; via: 'identity' | 'email' | 'created' }> {
    const linked = await this.#accounts.findUserByIdentity(identity.issuer, identity.subject);
    if (linked) return { user: linked, via: 'identity' };
    const verified = identity.email !== undefined && (identity.emailVerified === true || (identity.emailVerified === undefined && this.#trustEmail));
    if (!verified || identity.email === undefined) throw new SignInFailure('email_missing', { emailVerified: identity.emailVerified ?? null });
    const email = identity.email;
    const existing = await this.#accounts.findUserByEmail(email);
    if (existing) {
      await this.#link(identity, existing.id);
      const { passwordHash: _hash, ...user } = existing;
      return { user, via: 'email' };
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!this.#allowedDomains.has(domain)) throw new SignInFailure('no_account', { domain });
    let user: User;
    try {
      user = await this.#accounts.createUser({
        id: newId(12),
        email,
        name: (identity.name ?? email.split('@')[0]!).slice(0, 80),
        passwordHash: null,
        // Whatever the instance holds (even nothing), an account made at sign-in administers nothing.
        isAdmin: false,
        createdAt: this.#now(),
      });
    } catch (error) {
      // Created meanwhile by a concurrent sign-in of the same person: link to it.
      if (!(error instanceof DuplicateEmailError)) throw error;
      return this.accountFor(identity);
    }
    await this.#link(identity, user.id);
    return { user, via: 'created' };
  }

  async #link(identity: ProviderIdentity, userId: string): Promise<void> {
    if (await this.#accounts.linkIdentity({ issuer: identity.issuer, subject: identity.subject, userId, createdAt: this.#now() })) return;
    // Linked meanwhile: fine if to this account (a concurrent sign-in), refused if to another.
    const owner = await this.#accounts.findUserByIdentity(identity.issuer, identity.subject);
    if (owner?.id !== userId) throw new SignInFailure('taken', {});
  }
}
