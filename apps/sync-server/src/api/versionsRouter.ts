import { DOCUMENT_ID_PATTERN, readDocumentBody, withUnreadableNote, type ProseMirrorJSON } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { ERASED_AUTHOR } from '../accounts/PrivacyStore.js';
import type { Version, VersionKind } from '../versions/VersionStore.js';
import { refuseQuarantined, requireOpenDocument } from './documentQuarantine.js';
import { requireDocument, router, userProcedure, type ApiContext } from './trpc.js';

const documentIdSchema = z.string().regex(DOCUMENT_ID_PATTERN, { error: 'Identifiant de document invalide.' });
const versionIdSchema = z.string().regex(/^[\w-]{1,64}$/, { error: 'Identifiant de version invalide.' });

export interface VersionPerson {
  id: string;
  /** The account's name now; « Compte supprimé » once it is gone. */
  name: string;
}

export interface VersionSummary {
  id: string;
  documentId: string;
  kind: VersionKind;
  name: string | null;
  createdAt: string;
  createdBy: VersionPerson | null;
  /** Who edited since the previous version. */
  editors: VersionPerson[];
  restoredFrom: string | null;
  bytes: number;
}

async function summarize(ctx: ApiContext, versions: readonly Version[]): Promise<VersionSummary[]> {
  const names = new Map<string, string>();
  const ids = new Set(versions.flatMap((version) => [...version.editors, ...(version.createdBy ? [version.createdBy] : [])]));
  await Promise.all([...ids].map(async (id) => names.set(id, (await ctx.services.accounts.getUser(id))?.name ?? ERASED_AUTHOR)));
  const person = (id: string): VersionPerson => ({ id, name: names.get(id) ?? ERASED_AUTHOR });
  return versions.map((version) => ({
    id: version.id,
    documentId: version.documentId,
    kind: version.kind,
    name: version.name,
    createdAt: new Date(version.createdAt).toISOString(),
    createdBy: version.createdBy ? person(version.createdBy) : null,
    editors: version.editors.map(person),
    restoredFrom: version.restoredFrom,
    bytes: version.bytes,
  }));
}

const NOT_FOUND_MESSAGE = 'Version introuvable.';

/**
 * The version history (docs/adr/0012-version-history.md): read by everyone who reads the
 * document; versions named and restored by owners and editors only (a tutor or a viewer is
 * refused here, on every call, whatever the web app shows).
 */
export const versionsRouter = router({
  list: userProcedure.input(z.object({ documentId: documentIdSchema })).query(async ({ ctx, input }): Promise<VersionSummary[]> => {
    await requireDocument(ctx, input.documentId, 'read');
    return summarize(ctx, await ctx.services.versions.list(input.documentId));
  }),

  /** One version's content, for a read-only preview. */
  get: userProcedure.input(z.object({ documentId: documentIdSchema, id: versionIdSchema })).query(async ({ ctx, input }): Promise<VersionSummary & { content: ProseMirrorJSON }> => {
    await requireDocument(ctx, input.documentId, 'read');
    const version = await ctx.services.versions.get(input.id);
    if (!version || version.documentId !== input.documentId) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE });
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, version.state);
      const [summary] = await summarize(ctx, [version]);
      return { ...summary!, content: withUnreadableNote(readDocumentBody(doc)) };
    } finally {
      doc.destroy();
    }
  }),

  /** « Enregistrer une version… »: the content as everyone has it now, under a name. */
  create: userProcedure
    .input(z.object({ documentId: documentIdSchema, name: z.string().trim().min(1, { error: 'Nommez la version.' }).max(120, { error: 'Le nom ne doit pas dépasser 120 caractères.' }) }))
    .mutation(async ({ ctx, input }): Promise<VersionSummary> => {
      const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
      const version = await refuseQuarantined(document, ctx.services.versionRecorder.take(input.documentId, { kind: 'named', name: input.name, createdBy: ctx.user.id }));
      if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
      await ctx.services.accounts.audit({ at: version.createdAt, userId: ctx.user.id, action: 'document.version_named', workspaceId: document.workspaceId, documentId: input.documentId, detail: { version: version.id, name: input.name } });
      return (await summarize(ctx, [version]))[0]!;
    }),

  /**
   * « Restaurer cette version »: a forward change that makes the live content equal the version,
   * relayed to everyone connected; a version is taken before (to undo it) and after.
   */
  restore: userProcedure
    .input(z.object({ documentId: documentIdSchema, versionId: versionIdSchema }))
    .mutation(async ({ ctx, input }): Promise<{ before: VersionSummary | null; after: VersionSummary | null; reattached: number }> => {
      const { document } = await requireOpenDocument(ctx, input.documentId, 'write');
      const version = await ctx.services.versions.get(input.versionId);
      if (!version || version.documentId !== input.documentId) throw new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE });
      const outcome = await refuseQuarantined(document, ctx.services.versionService.restore(version, ctx.user.id));
      if (!outcome) throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
      await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'document.restored', workspaceId: document.workspaceId, documentId: input.documentId, detail: { version: version.id, before: outcome.before?.id ?? null } });
      const [before, after] = await Promise.all([outcome.before ? summarize(ctx, [outcome.before]) : [], outcome.after ? summarize(ctx, [outcome.after]) : []]);
      return { before: before[0] ?? null, after: after[0] ?? null, reattached: outcome.reattached };
    }),
});
