import { DOCUMENT_ID_PATTERN, reviewRoomOf, type SyncTarget } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { newDocumentId } from '../documentId.js';
import type { Role, User } from '../accounts/AccountStore.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import type { ApiServices } from './ApiServices.js';
import { isQuarantined } from './documentQuarantine.js';
import { presenceColorOf } from '../accounts/presenceColorOf.js';
import { syncTargetUrl } from './syncTargetUrl.js';
import { requireDocument, requireWorkspace, router, userProcedure, type ApiContext } from './trpc.js';

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
  /**
   * The stored data could not be read: the document cannot be opened (sync closes with 4423)
   * until an administrator restores it. Its rows are kept as they are.
   */
  quarantined: boolean;
}

export const documentsRouter = router({
  /** The documents of the caller's workspaces (or of one of them), most recently updated first. */
  list: userProcedure
    .input(z.object({ workspaceId: referenceSchema('espace de travail', DOCUMENT_ID_PATTERN) }).optional())
    .query(async ({ ctx, input }): Promise<DocumentSummary[]> => {
      const memberOf = new Set((await ctx.services.accounts.listWorkspacesOf(ctx.user.id)).map((entry) => entry.workspace.id));
      if (input?.workspaceId !== undefined) await requireWorkspace(ctx, input.workspaceId, 'read');
      const documents = await ctx.services.store.listDocuments();
      const recorded = new Set((await ctx.services.store.listQuarantined()).map((record) => record.docId));
      return documents
        .filter((document) => document.workspaceId !== null && memberOf.has(document.workspaceId))
        .filter((document) => input?.workspaceId === undefined || document.workspaceId === input.workspaceId)
        .map((document) => toSummary(document, recorded.has(document.id) || ctx.services.engine.quarantineOf(document.id) !== undefined));
    }),

  get: userProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }): Promise<DocumentSummary & { role: Role }> => {
    const { document, role } = await requireDocument(ctx, input.id, 'read');
    return { ...toSummary(document, await isQuarantined(ctx, document.id)), role };
  }),

  create: userProcedure.input(createInput).mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const workspaceId = await targetWorkspace(ctx, input.workspaceId);
    const snapshot = await initialSnapshot(ctx.services, input.referentialId, input.templateId);
    const id = newDocumentId();
    await ctx.services.store.createDocument({
      id,
      title: input.title,
      workspaceId,
      referentialId: input.referentialId ?? null,
      templateId: input.templateId ?? null,
      createdAt: Date.now(),
      snapshot,
    }, { maxPerWorkspace: ctx.services.quotas.maxDocumentsPerWorkspace });
    return { id };
  }),

  rename: userProcedure
    .input(z.object({ id: idSchema, title: titleSchema }))
    .mutation(async ({ ctx, input }): Promise<DocumentSummary> => {
      await requireDocument(ctx, input.id, 'write');
      if (!(await ctx.services.store.renameDocument(input.id, input.title, Date.now()))) throw notFound();
      return toSummary((await requireDocument(ctx, input.id, 'read')).document, await isQuarantined(ctx, input.id));
    }),

  delete: userProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }): Promise<{ id: string }> => {
    const { document } = await requireDocument(ctx, input.id, 'write');
    // Into the bin: its owners can restore it for 30 days (DocumentBin).
    if (!(await ctx.services.bin.trash(input.id, ctx.user.id))) throw notFound();
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'document.deleted', workspaceId: document.workspaceId, documentId: input.id, detail: { title: document.title } });
    return { id: input.id };
  }),

  /**
   * Browsers authenticate the socket with their session cookie (and Origin); scripts signed in
   * with an API token get a short-lived single-use ticket in `params`, so the token itself never
   * travels in a URL.
   */
  syncTarget: userProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }): Promise<SyncTarget> => {
    const { document } = await requireDocument(ctx, input.id, 'read');
    const ticketFor = async (room: string): Promise<Record<string, string>> =>
      ctx.principal.via === 'token' ? { ticket: await ctx.services.tickets.issue({ userId: ctx.user.id, room }) } : {};
    const reviewRoom = reviewRoomOf(input.id);
    return {
      url: syncTargetUrl(ctx.req, ctx.services.publicUrl),
      room: input.id,
      params: await ticketFor(input.id),
      review: { room: reviewRoom, params: await ticketFor(reviewRoom) },
      presenceColor: await presenceColorOf(ctx.services.accounts, document.workspaceId, ctx.user.id),
    };
  }),
});

function notFound(): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
}

/** The workspace a new document goes to: the given one, else the caller's only writable one. */
async function targetWorkspace(ctx: ApiContext & { user: User }, requested: string | undefined): Promise<string> {
  if (requested !== undefined) {
    await requireWorkspace(ctx, requested, 'write');
    return requested;
  }
  const writable = (await ctx.services.accounts.listWorkspacesOf(ctx.user.id)).filter(({ role }) => role === 'owner' || role === 'editor');
  if (writable.length === 1) return writable[0]!.workspace.id;
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: writable.length === 0 ? 'Vous n’avez aucun espace de travail où créer un document.' : 'Précisez l’espace de travail (workspaceId).',
  });
}

/** Documents are seeded here, on the server, never by a client: content cannot duplicate. */
async function initialSnapshot(services: ApiServices, referentialId?: string, templateId?: string): Promise<Uint8Array> {
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
  // TipTap and ProseMirror load with the first document made from a template, not at start.
  const { proseMirrorJSONToUpdate } = await import('@canevas/core/editor');
  return proseMirrorJSONToUpdate(content);
}

function toSummary(document: DocumentMetadata, quarantined: boolean): DocumentSummary {
  return {
    id: document.id,
    title: document.title,
    createdAt: new Date(document.createdAt).toISOString(),
    updatedAt: new Date(document.updatedAt).toISOString(),
    referentialId: document.referentialId,
    templateId: document.templateId,
    workspaceId: document.workspaceId,
    quarantined,
  };
}
