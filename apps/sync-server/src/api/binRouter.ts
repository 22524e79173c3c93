import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { requireWorkspace, router, userProcedure } from './trpc.js';

const idSchema = z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });
const workspaceIdSchema = z.string().min(1).max(64);

export interface BinEntry {
  id: string;
  title: string;
  workspaceId: string | null;
  trashedAt: string;
  /** Who deleted it (their name now), null when unknown. */
  trashedBy: string | null;
  /** When it will be deleted for good. */
  purgeAt: string;
}

/**
 * The bin (« Corbeille »): deleted documents of a workspace, seen, restored and emptied by its
 * owners only, checked on every call (`manage`).
 */
export const binRouter = router({
  list: userProcedure.input(z.object({ workspaceId: workspaceIdSchema })).query(async ({ ctx, input }): Promise<BinEntry[]> => {
    await requireWorkspace(ctx, input.workspaceId, 'manage');
    const entries = (await ctx.services.bin.list()).filter((document) => document.workspaceId === input.workspaceId);
    return Promise.all(
      entries.map(async (document) => ({
        id: document.id,
        title: document.title,
        workspaceId: document.workspaceId,
        trashedAt: new Date(document.trashedAt).toISOString(),
        trashedBy: document.trashedBy ? ((await ctx.services.accounts.getUser(document.trashedBy))?.name ?? null) : null,
        purgeAt: new Date(document.purgeAt).toISOString(),
      })),
    );
  }),

  /** Puts a document back where it was, with everything it held. */
  restore: userProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const document = (await ctx.services.bin.list()).find((entry) => entry.id === input.id);
    if (!document?.workspaceId) throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable dans la corbeille.' });
    await requireWorkspace(ctx, document.workspaceId, 'manage');
    if (!(await ctx.services.bin.restore(input.id))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable dans la corbeille.' });
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'document.restored_from_bin', workspaceId: document.workspaceId, documentId: input.id, detail: { title: document.title } });
    return { id: input.id };
  }),

  /** Deletes for good every document in the workspace's bin. */
  empty: userProcedure.input(z.object({ workspaceId: workspaceIdSchema })).mutation(async ({ ctx, input }): Promise<{ deleted: number }> => {
    await requireWorkspace(ctx, input.workspaceId, 'manage');
    const deleted = await ctx.services.bin.empty((document) => document.workspaceId === input.workspaceId);
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'bin.emptied', workspaceId: input.workspaceId, detail: { documents: deleted } });
    return { deleted };
  }),
});
