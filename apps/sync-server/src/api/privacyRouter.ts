import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { PrivacyError, type UserExport } from '../accounts/PrivacyService.js';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { requireDocument, router, userProcedure, type ApiContext } from './trpc.js';

const userId = z.string({ error: 'Identifiant de compte manquant.' }).regex(/^[\w-]{1,64}$/, { error: 'Identifiant de compte invalide.' });

function requireAdmin(ctx: ApiContext): void {
  if (!ctx.principal.user?.isAdmin) throw new TRPCError({ code: 'FORBIDDEN', message: 'Réservé à l’administrateur de l’instance.' });
}

async function translate<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof PrivacyError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

/** RGPD: access to one's data, erasure by the administrator, and who opened a dossier. */
export const privacyRouter = router({
  /** Everything the instance holds about the caller (or, for the administrator, about anyone). */
  exportUser: userProcedure.input(z.object({ userId: userId.optional() }).optional()).query(async ({ ctx, input }): Promise<UserExport> => {
    const target = input?.userId ?? ctx.user.id;
    if (target !== ctx.user.id) requireAdmin(ctx);
    const exported = await translate(ctx.services.privacy.exportUser(target));
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'user.exported', detail: { user: target } });
    return exported;
  }),

  deleteUser: userProcedure.input(z.object({ userId })).mutation(async ({ ctx, input }) => {
    requireAdmin(ctx);
    const result = await translate(ctx.services.privacy.deleteUser(input.userId));
    ctx.services.onAccessChanged();
    return result;
  }),

  /** Who opened the document, and when: the owners of its workspace may know. */
  documentAccessLog: userProcedure
    .input(z.object({ documentId: z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' }) }))
    .query(async ({ ctx, input }) => {
      await requireDocument(ctx, input.documentId, 'manage');
      const entries = await ctx.services.accounts.listAudit({ documentId: input.documentId, limit: 500 });
      const names = new Map<string, string>();
      const result = [];
      for (const entry of entries) {
        if (entry.userId && !names.has(entry.userId)) names.set(entry.userId, (await ctx.services.accounts.getUser(entry.userId))?.name ?? 'Compte supprimé');
        result.push({ at: new Date(entry.at).toISOString(), action: entry.action, who: entry.userId ? names.get(entry.userId)! : 'Compte supprimé' });
      }
      return result;
    }),
});
