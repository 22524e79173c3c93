import { proseMirrorJSONToUpdate, reviewRoomOf } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, newDocumentId } from '../documentId.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import type { ApiServices } from './ApiServices.js';
import { syncTargetUrl } from './syncTargetUrl.js';
import { authedProcedure, publicProcedure, router } from './trpc.js';

const TITLE_MAX = 200;

const idSchema = z
  .string({ error: 'Identifiant de document manquant.' })
  .regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });

const titleSchema = z
  .string({ error: 'Le titre est obligatoire.' })
  .trim()
  .min(1, { error: 'Le titre est obligatoire.' })
  .max(TITLE_MAX, { error: `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.` });

const referenceSchema = (label: string, pattern: RegExp) =>
  z.string().regex(pattern, { error: `Identifiant de ${label} invalide.` }).optional();

/** Manifest ids (referentials, templates) may also hold dots, as in `cp2.c1`. */
const MANIFEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const createInput = z.object({
  title: titleSchema,
  workspaceId: referenceSchema('espace de travail', DOCUMENT_ID_PATTERN),
  referentialId: referenceSchema('référentiel', MANIFEST_ID_PATTERN),
  templateId: referenceSchema('modèle', MANIFEST_ID_PATTERN),
});

/** What the web app lists; timestamps are ISO 8601 strings. */
export interface DocumentSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  referentialId: string | null;
  templateId: string | null;
  workspaceId: string | null;
}

export interface SyncTarget {
  url: string;
  room: string;
  params: Record<string, string>;
  /**
   * The companion review doc (evidence links), synced read-only:
   * `new WebsocketProvider(url, review.room, reviewDoc, { params: review.params })`.
   */
  review: { room: string; params: Record<string, string> };
}

export const documentsRouter = router({
  list: publicProcedure.query(async ({ ctx }): Promise<DocumentSummary[]> => {
    const documents = await ctx.services.store.listDocuments();
    return documents.map(toSummary);
  }),

  get: publicProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }): Promise<DocumentSummary> => {
    return toSummary(await requireDocument(ctx.services, input.id));
  }),

  create: authedProcedure.input(createInput).mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const snapshot = initialSnapshot(ctx.services, input.referentialId, input.templateId);
    const id = newDocumentId();
    await ctx.services.store.createDocument({
      id,
      title: input.title,
      workspaceId: input.workspaceId ?? null,
      referentialId: input.referentialId ?? null,
      templateId: input.templateId ?? null,
      createdAt: Date.now(),
      snapshot,
    });
    return { id };
  }),

  rename: authedProcedure
    .input(z.object({ id: idSchema, title: titleSchema }))
    .mutation(async ({ ctx, input }): Promise<DocumentSummary> => {
      if (!(await ctx.services.store.renameDocument(input.id, input.title, Date.now()))) throw notFound();
      return toSummary(await requireDocument(ctx.services, input.id));
    }),

  delete: authedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    if (!(await ctx.services.engine.deleteDocument(input.id))) throw notFound();
    return { id: input.id };
  }),

  syncTarget: publicProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }): Promise<SyncTarget> => {
    await requireDocument(ctx.services, input.id);
    return {
      url: syncTargetUrl(ctx.req, ctx.services.publicUrl),
      room: input.id,
      params: {},
      review: { room: reviewRoomOf(input.id), params: {} },
    };
  }),
});

function notFound(): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
}

async function requireDocument(services: ApiServices, id: string): Promise<DocumentMetadata> {
  const document = await services.store.getDocument(id);
  if (!document) throw notFound();
  return document;
}

/** Documents are seeded here, on the server, never by a client: content cannot duplicate. */
function initialSnapshot(services: ApiServices, referentialId?: string, templateId?: string): Uint8Array {
  if (referentialId && services.hasReferential && !services.hasReferential(referentialId)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Référentiel inconnu : « ${referentialId} ».` });
  }
  if (templateId === undefined) return Y.encodeStateAsUpdate(new Y.Doc());
  if (referentialId === undefined) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Un modèle doit être choisi avec son référentiel.' });
  }
  const content = services.resolveTemplate?.(referentialId, templateId);
  if (!content) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Modèle inconnu : « ${templateId} » dans le référentiel « ${referentialId} ».`,
    });
  }
  return proseMirrorJSONToUpdate(content);
}

function toSummary(document: DocumentMetadata): DocumentSummary {
  return {
    id: document.id,
    title: document.title,
    createdAt: new Date(document.createdAt).toISOString(),
    updatedAt: new Date(document.updatedAt).toISOString(),
    referentialId: document.referentialId,
    templateId: document.templateId,
    workspaceId: document.workspaceId,
  };
}
