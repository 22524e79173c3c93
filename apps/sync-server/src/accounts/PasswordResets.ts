import { hashSecret, newSecret } from '../auth/secretToken.js';
import type { Logger } from '../logger.js';
import { outgoingMail, type Mailer } from '../mail/Mailer.js';
import { passwordResetMail } from '../mail/mailTemplates.js';
import type { User } from './AccountStore.js';
import type { AuthService } from './AuthService.js';

/** A reset link works for one hour, once. */
export const PASSWORD_RESET_TTL_MS = 3600_000;

export const RESET_LINK_PATH = '/mot-de-passe/nouveau';

/**
 * Password reset by e-mail. A request answers the same whatever the address: the lookup, the
 * token and the message happen after the answer, so neither its content nor its timing tells
 * whether an account exists. The token is stored as a hash beside its message in the outbox
 * (one transaction); the message holds the only usable copy until it is sent.
 */
export class PasswordResets {
  readonly #auth: AuthService;
  readonly #mailer: Mailer | undefined;
  readonly #logger: Logger;
  readonly #now: () => number;
  /** Requests under way, so that a test or a shutdown can wait for them. */
  readonly #pending = new Set<Promise<void>>();

  constructor(options: { auth: AuthService; mailer: Mailer | undefined; logger: Logger; now?: () => number }) {
    this.#auth = options.auth;
    this.#mailer = options.mailer;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  /** Starts the request and returns at once, before anything about the address is known. */
  request(email: string): void {
    const work = this.#send(email.trim().toLowerCase()).catch((error: unknown) => this.#logger.error('auth.password_reset_failed', { error }));
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
  }

  async #send(email: string): Promise<void> {
    const mailer = this.#mailer;
    if (!mailer) return;
    const user = await this.#auth.accounts.findUserByEmail(email);
    if (!user) return;
    const token = newSecret('r_');
    const now = this.#now();
    const link = `${mailer.baseUrl}${RESET_LINK_PATH}#${token}`;
    const mail = outgoingMail(user.email, passwordResetMail({ name: user.name, link }), now);
    await this.#auth.accounts.createPasswordReset({ tokenHash: hashSecret(token), userId: user.id, createdAt: now, expiresAt: now + PASSWORD_RESET_TTL_MS }, mail);
    await this.#auth.accounts.audit({ at: now, userId: user.id, action: 'auth.password_reset_requested', detail: {} });
    mailer.committed();
  }

  /** The new password, once; its user (every session of theirs ended), or undefined for a used, expired or unknown link. */
  async reset(token: string, password: string, address: string): Promise<User | undefined> {
    const passwordHash = await this.#auth.hashNewPassword(password, address);
    const now = this.#now();
    const user = await this.#auth.accounts.consumePasswordReset(hashSecret(token), now, passwordHash);
    if (user) await this.#auth.accounts.audit({ at: now, userId: user.id, action: 'auth.password_reset', detail: { address } });
    return user;
  }

  /** Waits for the requests under way (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
