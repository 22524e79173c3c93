import { displayNameProblem } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { User } from '../accounts/AccountStore.js';
import { AuthError, SESSION_COOKIE, SIGN_UP_REFUSED_MESSAGE } from '../accounts/AuthService.js';
import { clientAddress } from '../auth/clientAddress.js';
import { parseCookies, serializeCookie } from '../auth/cookies.js';
import { isAllowedOrigin } from '../auth/originPolicy.js';
import { hashSecret } from '../auth/secretToken.js';
import { tokensRouter } from './tokensRouter.js';
import { publicProcedure, router, userProcedure, type ApiContext } from './trpc.js';

/** What the web app may know about the signed-in user. */
export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

const emailSchema = z.string({ error: 'Adresse e-mail manquante.' }).trim().min(3, { error: 'Adresse e-mail invalide.' }).max(254);
const passwordSchema = z.string({ error: 'Mot de passe manquant.' }).max(256, { error: 'Le mot de passe ne doit pas dépasser 256 caractères.' });

export function toAccountSummary(user: User): AccountSummary {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/** Browsers always send Origin on POST: a foreign one must not sign anybody in (login CSRF). */
function refuseForeignOrigin(ctx: ApiContext): void {
  if (ctx.req.headers.origin === undefined) return;
  if (!isAllowedOrigin(ctx.req, { publicUrl: ctx.services.publicUrl, extraOrigins: ctx.services.allowedOrigins })) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Origine de la requête refusée.' });
  }
}

function setSessionCookie(ctx: ApiContext, token: string, maxAgeSeconds: number): void {
  const secure = ctx.services.publicUrl?.startsWith('https://') ?? false;
  ctx.res.setHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { secure, maxAgeSeconds }));
}

const AUTH_ERROR_CODES = {
  throttled: 'TOO_MANY_REQUESTS',
  busy: 'TOO_MANY_REQUESTS',
  invalid_credentials: 'UNAUTHORIZED',
  email_taken: 'CONFLICT',
  invitation_unusable: 'FORBIDDEN',
  invalid_input: 'BAD_REQUEST',
} as const satisfies Record<AuthError['reason'], TRPCError['code']>;

function toTrpcError(error: unknown): never {
  if (error instanceof AuthError) {
    throw new TRPCError({ code: AUTH_ERROR_CODES[error.reason], message: error.message });
  }
  throw error;
}

const RESET_LINK_UNUSABLE_MESSAGE = 'Ce lien de réinitialisation n’est plus valable (déjà utilisé, ou demandé il y a plus d’une heure). Demandez-en un nouveau.';

const PASSWORD_LOGIN_OFF_MESSAGE = 'La connexion par mot de passe est désactivée sur cette instance : utilisez le bouton de connexion de votre organisation.';

function refuseWhenPasswordLoginOff(ctx: ApiContext): void {
  if (!ctx.services.signIn.passwordLogin) throw new TRPCError({ code: 'FORBIDDEN', message: PASSWORD_LOGIN_OFF_MESSAGE });
}

export const authRouter = router({
  /**
   * Who is signed in, whether the instance still needs its first (administrator) account, and
   * how one signs in: with a password, through the single sign-on provider (`sso.label`), or both.
   */
  status: publicProcedure.query(async ({ ctx }) => {
    const { passwordLogin, singleSignOn } = ctx.services.signIn;
    return {
      user: ctx.principal.user ? toAccountSummary(ctx.principal.user) : null,
      // Without passwords the first administrator is made with the command line, not in the browser.
      setupRequired: passwordLogin && (await ctx.services.accounts.countUsers()) === 0,
      signIn: { password: passwordLogin, sso: singleSignOn ? { label: singleSignOn.label } : null },
      // Administrators only: whether mail goes out at all, and what waits in the outbox.
      mail: ctx.principal.user?.isAdmin ? { enabled: ctx.services.mailer !== undefined, ...(await ctx.services.mailOutbox.stats()) } : null,
    };
  }),

  /**
   * Sends a reset link to the address if it has an account (and mail is configured). Always the
   * same answer, given before the address is even looked up.
   */
  requestPasswordReset: publicProcedure.input(z.object({ email: emailSchema })).mutation(({ ctx, input }): { ok: true } => {
    refuseForeignOrigin(ctx);
    refuseWhenPasswordLoginOff(ctx);
    ctx.services.passwordResets.request(input.email);
    return { ok: true };
  }),

  /** Sets a new password with the link's token (single-use, one hour); every session of the account ends. */
  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200), password: passwordSchema }))
    .mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
      refuseForeignOrigin(ctx);
      refuseWhenPasswordLoginOff(ctx);
      const address = clientAddress(ctx.req, ctx.services.trustedProxies);
      const user = await ctx.services.passwordResets.reset(input.token, input.password, address).catch(toTrpcError);
      if (!user) throw new TRPCError({ code: 'BAD_REQUEST', message: RESET_LINK_UNUSABLE_MESSAGE });
      ctx.services.onAccessChanged();
      return { ok: true };
    }),

  /**
   * Creates an account and signs it in. Open only for the first account (it becomes the
   * administrator and adopts the workspaces nobody owns, such as the demo) and for holders of a
   * valid invitation, consumed in the same transaction as the account is created: of several
   * concurrent sign-ups with one invitation, one succeeds and the others get the one refusal
   * that never says whether the email has an account.
   */
  signUp: publicProcedure
    .input(z.object({ email: emailSchema, name: z.string().trim().max(80).optional(), password: passwordSchema, invitation: z.string().max(200).optional() }))
    .mutation(async ({ ctx, input }): Promise<AccountSummary> => {
      refuseForeignOrigin(ctx);
      refuseWhenPasswordLoginOff(ctx);
      const { accounts, auth } = ctx.services;
      const address = clientAddress(ctx.req, ctx.services.trustedProxies);
      const first = (await accounts.countUsers()) === 0;
      const invitation = !first && input.invitation ? await accounts.findInvitation(hashSecret(input.invitation)) : undefined;
      if (!first && !invitation) {
        throw new TRPCError({ code: 'FORBIDDEN', message: input.invitation ? SIGN_UP_REFUSED_MESSAGE : 'La création de compte se fait sur invitation.' });
      }
      const user = await auth
        .createUser({ email: input.email, password: input.password, address, ...(input.name && { name: input.name }), ...(invitation && { invitationId: invitation.id }) })
        .catch(toTrpcError);
      const now = Date.now();
      await accounts.audit({ at: now, userId: user.id, action: 'auth.signed_up', detail: { admin: user.isAdmin } });
      if (invitation) {
        await accounts.audit({ at: now, userId: user.id, action: 'invitation.accepted', workspaceId: invitation.workspaceId, detail: { invitation: invitation.id } });
        ctx.services.onAccessChanged();
      }
      const session = await auth.openSession(user, address);
      setSessionCookie(ctx, session.sessionToken, Math.floor(auth.sessionTtlMs / 1000));
      return toAccountSummary(user);
    }),

  logIn: publicProcedure.input(z.object({ email: emailSchema, password: passwordSchema })).mutation(async ({ ctx, input }): Promise<AccountSummary> => {
    refuseForeignOrigin(ctx);
    refuseWhenPasswordLoginOff(ctx);
    const address = clientAddress(ctx.req, ctx.services.trustedProxies);
    const session = await ctx.services.auth.logIn({ email: input.email, password: input.password, address }).catch(toTrpcError);
    setSessionCookie(ctx, session.sessionToken, Math.floor(ctx.services.auth.sessionTtlMs / 1000));
    return toAccountSummary(session.user);
  }),

  /** The signed-in user's API tokens: list, create, revoke. */
  tokens: tokensRouter,

  /**
   * Ends this browser's session. A session opened by single sign-on also gets `redirect`: the
   * provider's logout address (RP-initiated logout with `id_token_hint`), where the web app goes
   * so that the provider's session ends too, before coming back to Canevas.
   */
  logOut: userProcedure.mutation(async ({ ctx }): Promise<{ ok: true; redirect?: string }> => {
    const token = parseCookies(ctx.req.headers.cookie).get(SESSION_COOKIE);
    const ended = token ? await ctx.services.auth.logOut(token) : undefined;
    setSessionCookie(ctx, '', 0);
    const sso = ctx.services.signIn.singleSignOn;
    const redirect = ended?.idToken && sso ? await sso.client.logoutUrl(ended.idToken) : undefined;
    return redirect ? { ok: true, redirect } : { ok: true };
  }),

  /**
   * The display name is an account setting: every browser the user signs in to, and every
   * participant's presence list, shows it. Open sockets write it into the presence they announce
   * next (the web app announces at once).
   */
  updateProfile: userProcedure
    .input(z.object({ name: z.string({ error: 'Indiquez votre nom.' }).max(1000, { error: 'Nom trop long.' }) }))
    .mutation(async ({ ctx, input }): Promise<AccountSummary> => {
      const problem = displayNameProblem(input.name);
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      const name = input.name.trim();
      if (!(await ctx.services.accounts.renameUser(ctx.user.id, name))) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Connectez-vous pour continuer.' });
      await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'account.renamed', detail: {} });
      for (const connection of ctx.services.engine.connections()) if (connection.userId === ctx.user.id) connection.userName = name;
      return toAccountSummary({ ...ctx.user, name });
    }),
});
