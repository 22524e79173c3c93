import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleAllows } from '../accounts/AccessControl.js';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { ReviewError } from '../review/EvidenceService.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { DocumentQuarantinedError } from '../sync/Quarantine.js';
import { anchorSchema } from './anchorSchema.js';
import { quarantinedError, requireOpenDocument } from './documentQuarantine.js';
import { router, userProcedure } from './trpc.js';

export const COMMENT_MAX = 5000;

const documentId = z.string({ error: 'Identifiant de document manquant.' }).regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });
const id = (what: string) => z.string({ error: `Identifiant de ${what} manquant.` }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `Identifiant de ${what} invalide.` });
const nodeId = z.string().min(1, { error: 'Identifiant de critère vide.' }).max(64, { error: 'Identifiant de critère trop long.' });
const body = z
  .string({ error: 'Le commentaire est vide.' })
  .trim()
  .min(1, { error: 'Le commentaire est vide.' })
  .max(COMMENT_MAX, { error: `Un commentaire ne doit pas dépasser ${COMMENT_MAX} caractères.` });

async function translate<T>(document: DocumentMetadata, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof ReviewError) throw new TRPCError({ code: error.code, message: error.message });
    // Its rows turned out unreadable while the change ran.
    if (error instanceof DocumentQuarantinedError) throw quarantinedError(document);
    throw error;
  }
}

/** Inline comments: owners, editors and tutors comment; nobody edits someone else's words. */
export const commentsRouter = router({
  create: userProcedure
    .input(z.object({ documentId, anchor: anchorSchema.optional(), nodeId: nodeId.optional(), body }))
    .mutation(async ({ ctx, input }) => {
      const { document } = await requireOpenDocument(ctx, input.documentId, 'comment');
      const thread = await translate(document, ctx.services.reviewLayer.createThread(document, ctx.user, input));
      await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'comment.created', workspaceId: document.workspaceId, documentId: document.id, detail: { thread: thread.id } });
      return { threadId: thread.id };
    }),

  reply: userProcedure.input(z.object({ documentId, threadId: id('fil'), body })).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'comment');
    const thread = await translate(document, ctx.services.reviewLayer.reply(input.documentId, ctx.user, input));
    return { threadId: thread.id, commentId: thread.comments.at(-1)!.id };
  }),

  edit: userProcedure.input(z.object({ documentId, threadId: id('fil'), commentId: id('commentaire'), body })).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'comment');
    await translate(document, ctx.services.reviewLayer.editComment(input.documentId, ctx.user, input));
    return { ok: true as const };
  }),

  delete: userProcedure.input(z.object({ documentId, threadId: id('fil'), commentId: id('commentaire') })).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'comment');
    await translate(document, ctx.services.reviewLayer.editComment(input.documentId, ctx.user, { ...input, body: null }));
    return { ok: true as const };
  }),

  setResolved: userProcedure.input(z.object({ documentId, threadId: id('fil'), resolved: z.boolean() })).mutation(async ({ ctx, input }) => {
    const { document, role } = await requireOpenDocument(ctx, input.documentId, 'comment');
    const canModerate = role === 'owner' || roleAllows(role, 'assess');
    await translate(document, ctx.services.reviewLayer.setResolved(input.documentId, ctx.user, canModerate, input));
    return { ok: true as const };
  }),
});

/** Tutors set each criterion's level on the referential's scale; the candidate sees it live. */
export const assessmentsRouter = router({
  set: userProcedure
    .input(
      z.object({
        documentId,
        nodeId,
        level: z.string().min(1, { error: 'Choisissez un niveau.' }).max(64),
        feedback: z.string().trim().max(COMMENT_MAX, { error: `Le retour ne doit pas dépasser ${COMMENT_MAX} caractères.` }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { document } = await requireOpenDocument(ctx, input.documentId, 'assess');
      const stored = await translate(document, ctx.services.reviewLayer.assess(document, ctx.user, input));
      const change = stored.history.at(-1)!;
      await ctx.services.accounts.audit({
        at: Date.now(),
        userId: ctx.user.id,
        action: 'assessment.set',
        workspaceId: document.workspaceId,
        documentId: document.id,
        detail: { node: input.nodeId, from: change.from, to: change.to },
      });
      return { nodeId: stored.nodeId, level: stored.level, history: stored.history.length };
    }),
});
