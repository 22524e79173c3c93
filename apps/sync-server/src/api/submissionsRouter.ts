import { readDocumentBody, withUnreadableNote, type ProseMirrorJSON } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { quarantinedError, requireOpenDocument } from './documentQuarantine.js';
import { requireDocument, router, userProcedure } from './trpc.js';
import { newId } from '../newId.js';

const documentIdSchema = z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });

export interface SubmissionSummary {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

export const submissionsRouter = router({
  /**
   * « Soumettre » : freezes the stored state as a named version. Stored, not in-memory: persist
   * before broadcast means everything anyone has seen is in the store.
   */
  create: userProcedure
    .input(z.object({ documentId: documentIdSchema, name: z.string().trim().min(1, { error: 'Nommez la version soumise.' }).max(120, { error: 'Le nom ne doit pas dépasser 120 caractères.' }) }))
    .mutation(async ({ ctx, input }): Promise<SubmissionSummary> => {
      const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
      await ctx.services.engine.flushPending();
      const stored = await ctx.services.store.loadDocument(input.documentId);
      if (!stored) throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
      const doc = new Y.Doc();
      try {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const { update } of stored.updates) Y.applyUpdate(doc, update);
      } catch {
        // Rows nobody has tried to open since they broke: never frozen into a version.
        doc.destroy();
        throw quarantinedError(document);
      }
      const now = Date.now();
      const state = Y.encodeStateAsUpdate(doc);
      const submission = await ctx.services.submissions.create({
        id: newId(12),
        documentId: input.documentId,
        name: input.name,
        createdBy: ctx.user.name,
        createdAt: now,
        state,
      });
      doc.destroy();
      // The history keeps it too, among the other versions, never thinned. The submission stands
      // even if that fails (the recorder logs it): it is what the tutor receives.
      await ctx.services.versionRecorder.take(input.documentId, { kind: 'submission', name: input.name, createdBy: ctx.user.id, state }).catch(() => undefined);
      await ctx.services.accounts.audit({ at: now, userId: ctx.user.id, action: 'document.submitted', workspaceId: document.workspaceId, documentId: input.documentId, detail: { submission: submission.id, name: input.name } });
      return { id: submission.id, name: submission.name, createdBy: submission.createdBy, createdAt: new Date(now).toISOString() };
    }),

  list: userProcedure.input(z.object({ documentId: documentIdSchema })).query(async ({ ctx, input }): Promise<SubmissionSummary[]> => {
    await requireDocument(ctx, input.documentId, 'read');
    return (await ctx.services.submissions.list(input.documentId)).map((submission) => ({
      id: submission.id,
      name: submission.name,
      createdBy: submission.createdBy,
      createdAt: new Date(submission.createdAt).toISOString(),
    }));
  }),

  /** The frozen content, for a read-only view. */
  get: userProcedure.input(z.object({ id: z.string().regex(/^[\w-]{1,64}$/, { error: 'Identifiant invalide.' }) })).query(async ({ ctx, input }): Promise<SubmissionSummary & { documentId: string; content: ProseMirrorJSON }> => {
    const submission = await ctx.services.submissions.get(input.id);
    if (!submission) throw new TRPCError({ code: 'NOT_FOUND', message: 'Version soumise introuvable.' });
    const { document } = await requireDocument(ctx, submission.documentId, 'read');
    await ctx.services.openingsAudit.record({ at: Date.now(), userId: ctx.user.id, action: 'submission.opened', workspaceId: document.workspaceId, documentId: submission.documentId, detail: { submission: submission.id } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, submission.state);
    // A version taken before shapes were checked may hold what the schema cannot read: it is
    // left out and the first paragraph says so, rather than failing the whole view.
    const content = withUnreadableNote(readDocumentBody(doc));
    doc.destroy();
    return { id: submission.id, documentId: submission.documentId, name: submission.name, createdBy: submission.createdBy, createdAt: new Date(submission.createdAt).toISOString(), content };
  }),
});
