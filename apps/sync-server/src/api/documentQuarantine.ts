import { TRPCError } from '@trpc/server';
import type { Action } from '../accounts/AccessControl.js';
import type { Role, User } from '../accounts/AccountStore.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { DocumentQuarantinedError } from '../sync/Quarantine.js';
import { requireDocument, type ApiContext } from './trpc.js';

/** Known to this process (refused since a failed load), or recorded in the store by an earlier one. */
export async function isQuarantined(ctx: ApiContext, docId: string): Promise<boolean> {
  if (ctx.services.engine.quarantineOf(docId)) return true;
  return (await ctx.services.store.listQuarantined()).some((record) => record.docId === docId);
}

/** A precondition, not a server fault: the document exists but its stored data cannot be read. */
export function quarantinedError(document: DocumentMetadata): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `Document en quarantaine : « ${document.title} ». Ses données stockées sont illisibles : rien ne peut y être ajouté ni modifié avant que l’administrateur les restaure depuis une sauvegarde.`,
  });
}

/**
 * {@link requireDocument} for changes to a document's review layer or versions (comments,
 * assessments, evidence, submissions): refused while the document is in quarantine.
 */
export async function requireOpenDocument(
  ctx: ApiContext & { user: User },
  documentId: string,
  action: Action,
): Promise<{ document: DocumentMetadata; role: Role }> {
  const access = await requireDocument(ctx, documentId, action);
  if (await isQuarantined(ctx, documentId)) throw quarantinedError(access.document);
  // Rows that broke since this process started are found when the content is first read.
  await refuseQuarantined(access.document, ctx.services.engine.ensureReadable(documentId));
  return access;
}

/** Quarantine found while the change ran (its rows turned out unreadable): the same refusal. */
export async function refuseQuarantined<T>(document: DocumentMetadata, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof DocumentQuarantinedError) throw quarantinedError(document);
    throw error;
  }
}
