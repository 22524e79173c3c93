import { displayNameProblem } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { User } from '../accounts/AccountStore.js';
import { AuthError, SESSION_COOKIE } from '../accounts/AuthService.js';
import { clientAddress } from '../auth/clientAddress.js';
import { parseCookies, serializeCookie } from '../auth/cookies.js';
import { isAllowedOrigin } from '../auth/originPolicy.js';
import { hashSecret } from '../auth/secretToken.js';
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

function toTrpcError(error: unknown): never {
  if (error instanceof AuthError) {
    const code =
      error.reason === 'throttled' ? 'TOO_MANY_REQUESTS' : error.reason === 'invalid_credentials' ? 'UNAUTHORIZED' : error.reason === 'email_taken' ? 'CONFLICT' : 'BAD_REQUEST';
    throw new TRPCError({ code, message: error.message });
  }
  throw error;
}

export const authRouter = router({
  /** Who is signed in, and whether the instance still needs its first (administrator) account. */
  status: publicProcedure.query(async ({ ctx }) => ({
    user: ctx.principal.user ? toAccountSummary(ctx.principal.user) : null,
    setupRequired: (await ctx.services.accounts.countUsers()) === 0,
  })),

  /**
   * Creates an account and signs it in. Open only for the first account (it becomes the
   * administrator and adopts the workspaces nobody owns, such as the demo) and for holders of a
   * valid invitation, which is accepted at once.
   */
  signUp: publicProcedure
    .input(z.object({ email: emailSchema, name: z.string().trim().max(80).optional(), password: passwordSchema, invitation: z.string().max(200).optional() }))
    .mutation(async ({ ctx, input }): Promise<AccountSummary> => {
      refuseForeignOrigin(ctx);
      const { accounts, auth } = ctx.services;
      const first = (await accounts.countUsers()) === 0;
      const invitation = input.invitation ? await accounts.findInvitation(hashSecret(input.invitation)) : undefined;
      const now = Date.now();
      const invitationUsable = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > now;
      if (!first && !invitationUsable) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: input.invitation ? 'Cette invitation n’est plus valable.' : 'La création de compte se fait sur invitation.',
        });
      }
      let user: User;
      try {
        user = await auth.createUser({ email: input.email, password: input.password, ...(input.name && { name: input.name }) });
      } catch (error) {
        toTrpcError(error);
      }
      if (invitation && invitationUsable) await accounts.acceptInvitation(invitation.id, user.id, now);
      await accounts.audit({ at: now, userId: user.id, action: 'auth.signed_up', detail: { admin: user.isAdmin } });
      const session = await auth.logIn({ email: input.email, password: input.password, address: clientAddress(ctx.req, ctx.services.trustedProxies) }).catch(toTrpcError);
      setSessionCookie(ctx, session.sessionToken, Math.floor(auth.sessionTtlMs / 1000));
      return toAccountSummary(user);
    }),

  logIn: publicProcedure.input(z.object({ email: emailSchema, password: passwordSchema })).mutation(async ({ ctx, input }): Promise<AccountSummary> => {
    refuseForeignOrigin(ctx);
    const address = clientAddress(ctx.req, ctx.services.trustedProxies);
    const session = await ctx.services.auth.logIn({ email: input.email, password: input.password, address }).catch(toTrpcError);
    setSessionCookie(ctx, session.sessionToken, Math.floor(ctx.services.auth.sessionTtlMs / 1000));
    return toAccountSummary(session.user);
  }),

  logOut: userProcedure.mutation(async ({ ctx }): Promise<{ ok: true }> => {
    const token = parseCookies(ctx.req.headers.cookie).get(SESSION_COOKIE);
    if (token) await ctx.services.auth.logOut(token);
    setSessionCookie(ctx, '', 0);
    return { ok: true };
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
