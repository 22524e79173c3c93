import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN } from '@canevas/core';
import { ReviewError } from '../review/EvidenceService.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { DocumentQuarantinedError } from '../sync/Quarantine.js';
import { anchorSchema } from './anchorSchema.js';
import { quarantinedError, requireOpenDocument } from './documentQuarantine.js';
import { router, userProcedure } from './trpc.js';

export const MAX_NODES_PER_LINK = 20;
export const AUTHOR_MAX = 80;

const documentId = z
  .string({ error: 'Identifiant de document manquant.' })
  .regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });

const linkId = z
  .string({ error: 'Identifiant de lien manquant.' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Identifiant de lien invalide.' });

const addInput = z.object({
  documentId,
  anchor: anchorSchema,
  nodeIds: z
    .array(z.string().min(1, { error: 'Identifiant de critère vide.' }).max(64, { error: 'Identifiant de critère trop long.' }), {
      error: 'Choisissez au moins un critère.',
    })
    .min(1, { error: 'Choisissez au moins un critère.' })
    .max(MAX_NODES_PER_LINK, { error: `Un passage se lie à ${MAX_NODES_PER_LINK} critères au plus.` }),
  /** Ignored: the author is the signed-in user (kept so older clients still validate). */
  author: z.string().trim().max(AUTHOR_MAX, { error: `Le nom de l’auteur ne doit pas dépasser ${AUTHOR_MAX} caractères.` }).optional(),
});

/** Evidence links live in the review doc, which clients only read: every change comes here. */
export const evidenceRouter = router({
  // Linking evidence is the writer's work (owner, editor), not the tutor's.
  add: userProcedure.input(addInput).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
    return translate(document, ctx.services.evidence.add({ ...input, author: ctx.user.name }));
  }),
  remove: userProcedure.input(z.object({ documentId, id: linkId })).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
    return translate(document, ctx.services.evidence.remove(input));
  }),
  reattach: userProcedure.input(z.object({ documentId, id: linkId, anchor: anchorSchema })).mutation(async ({ ctx, input }) => {
    const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
    return translate(document, ctx.services.evidence.reattach(input));
  }),
});

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
