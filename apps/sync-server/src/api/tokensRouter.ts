import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ApiTokenRecord } from '../accounts/AccountStore.js';
import { router, userProcedure } from './trpc.js';

/** What the account page and scripts see of an API token; never the token itself. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  /** Null for a token made before tokens expired by default: shown « sans expiration ». */
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
}

const tokenIdSchema = z.string({ error: 'Identifiant de jeton manquant.' }).regex(/^[\w-]{1,64}$/, { error: 'Identifiant de jeton invalide.' });
const MAX_TOKEN_DAYS = 3650;

export function toApiTokenSummary(token: ApiTokenRecord, now: number): ApiTokenSummary {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return {
    id: token.id,
    name: token.name,
    createdAt: new Date(token.createdAt).toISOString(),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    expired: token.expiresAt !== null && token.expiresAt <= now,
  };
}

/**
 * API tokens of the signed-in user. Each call is authorized on its own: a user sees and revokes
 * only their tokens, an administrator may revoke anybody's (found with `token list` in the CLI).
 */
export const tokensRouter = router({
  list: userProcedure.query(async ({ ctx }): Promise<ApiTokenSummary[]> => {
    const now = Date.now();
    return (await ctx.services.accounts.listApiTokens(ctx.user.id)).map((token) => toApiTokenSummary(token, now));
  }),

  /** The token is in the answer once; only its hash is kept. */
  create: userProcedure
    .input(
      z.object({
        name: z.string({ error: 'Le libellé est obligatoire.' }).trim().min(1, { error: 'Le libellé est obligatoire.' }).max(80, { error: 'Le libellé ne doit pas dépasser 80 caractères.' }),
        days: z.number().int({ error: 'La durée se compte en jours entiers.' }).min(1, { error: 'Au moins 1 jour.' }).max(MAX_TOKEN_DAYS, { error: `Au plus ${MAX_TOKEN_DAYS} jours.` }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<{ token: string; summary: ApiTokenSummary }> => {
      // A stolen token must not be able to outlive its revocation by minting others.
      if (ctx.principal.via === 'token') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Un jeton d’API ne peut pas créer d’autre jeton : passez par la page du compte ou la CLI.' });
      }
      const created = await ctx.services.auth.createApiToken(ctx.user.id, input.name, input.days === undefined ? undefined : input.days * 24 * 3600_000);
      await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'token.created', detail: { token: created.id } });
      const record = await ctx.services.accounts.getApiToken(created.id);
      return { token: created.token, summary: toApiTokenSummary(record!, Date.now()) };
    }),

  revoke: userProcedure.input(z.object({ id: tokenIdSchema })).mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
    const token = await ctx.services.accounts.getApiToken(input.id);
    // Somebody else's token is « introuvable » to a user, so its existence is not disclosed.
    if (!token || (token.userId !== ctx.user.id && !ctx.user.isAdmin) || !(await ctx.services.accounts.revokeApiToken(ctx.user.isAdmin ? null : ctx.user.id, input.id))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Jeton introuvable ou déjà révoqué.' });
    }
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'token.revoked', detail: { token: input.id, owner: token.userId } });
    return { ok: true };
  }),
});
