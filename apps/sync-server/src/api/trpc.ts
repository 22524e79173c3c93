import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BATCH_CALLS } from '@canevas/core';
import { TRPCError, initTRPC } from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';
import { ZodError } from 'zod';
import { roleAllows, type Action } from '../accounts/AccessControl.js';
import type { Role, User } from '../accounts/AccountStore.js';
import { isAllowedOrigin } from '../auth/originPolicy.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
import { QuotaExceededError } from '../store/quotas.js';
import type { ApiServices } from './ApiServices.js';

/** Who is calling: a signed-in user (session cookie or API token), or nobody. */
export interface Principal {
  user: User | null;
  via: 'session' | 'token' | null;
}

export interface ApiContext {
  services: ApiServices;
  principal: Principal;
  req: IncomingMessage;
  res: ServerResponse;
}

/** What a procedure declares about itself (`.meta()`), read before any call of a request runs. */
export interface ProcedureMeta {
  /** Callable without a signed-in user: never batched (see `ANONYMOUS_PROCEDURES` in core). */
  anonymous?: boolean;
}

const BATCH_TOO_LARGE_MESSAGE = `Trop d’appels groupés dans une requête : ${MAX_BATCH_CALLS} au plus.`;
const ANONYMOUS_BATCH_MESSAGE = 'Les appels sans connexion (connexion, inscription, invitation…) ne peuvent pas être groupés : envoyez-les un par un.';

/**
 * The batch rules, checked once per request before any of its calls runs: a refusal here fails
 * every call of the batch. Each anonymous call, a login above all, must be its own request.
 */
function checkBatch(info: TRPCRequestInfo | undefined): void {
  if (!info?.isBatchCall) return;
  if (info.calls.length > MAX_BATCH_CALLS) throw new TRPCError({ code: 'BAD_REQUEST', message: BATCH_TOO_LARGE_MESSAGE });
  if (info.calls.some((call) => (call.procedure?._def.meta as ProcedureMeta | undefined)?.anonymous)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: ANONYMOUS_BATCH_MESSAGE });
  }
}

export function createContextFactory(services: ApiServices) {
  return async ({ req, res, info }: { req: IncomingMessage; res: ServerResponse; info?: TRPCRequestInfo }): Promise<ApiContext> => {
    checkBatch(info);
    const found = await services.auth.authenticate(req);
    return { services, principal: { user: found?.user ?? null, via: found?.via ?? null }, req, res };
  };
}

const PAYLOAD_TOO_LARGE_MESSAGE = 'Requête trop volumineuse.';

const t = initTRPC.context<ApiContext>().meta<ProcedureMeta>().create({
  // Stack traces are for the server log, never for API clients.
  isDev: false,
  errorFormatter({ shape, error }) {
    if (error.code === 'PAYLOAD_TOO_LARGE') return { ...shape, message: PAYLOAD_TOO_LARGE_MESSAGE };
    if (error.cause instanceof ZodError) {
      const issues = error.cause.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      return {
        ...shape,
        message: issues.map((issue) => issue.message).join(' ; '),
        data: { ...shape.data, issues },
      };
    }
    return shape;
  },
});

export const router = t.router;

/** A limit of the instance reached: the store's own French message, as a refusal. */
const baseProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof QuotaExceededError) {
    throw new TRPCError({ code: 'FORBIDDEN', message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = baseProcedure.meta({ anonymous: true });

/**
 * Signed-in callers only. A mutation carried by the session cookie must come from an allowed
 * Origin: SameSite already stops most cross-site requests, this stops the rest.
 */
export const userProcedure = baseProcedure.use(({ ctx, type, next }) => {
  const { user, via } = ctx.principal;
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Connectez-vous pour continuer.' });
  if (via === 'session' && type === 'mutation') {
    const { publicUrl, allowedOrigins } = ctx.services;
    if (!isAllowedOrigin(ctx.req, { publicUrl, extraOrigins: allowedOrigins })) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Origine de la requête refusée.' });
    }
  }
  return next({ ctx: { ...ctx, user } });
});

const ACTION_REFUSALS: Record<Action, string> = {
  read: 'Vous n’avez pas accès à ce document.',
  write: 'Votre rôle ne permet pas de modifier ce document.',
  comment: 'Votre rôle ne permet pas de commenter ce document.',
  assess: 'Seul un tuteur peut évaluer ce document.',
  manage: 'Seul un propriétaire de l’espace de travail peut faire cela.',
};

/** The document, when the user's role in its workspace allows the action; else a French refusal. */
export async function requireDocument(
  ctx: ApiContext & { user: User },
  documentId: string,
  action: Action,
): Promise<{ document: DocumentMetadata; role: Role }> {
  const access = await ctx.services.access.document(ctx.user.id, documentId, action);
  if (access.ok) return access;
  if (access.reason === 'not_found') throw new TRPCError({ code: 'NOT_FOUND', message: 'Document introuvable.' });
  throw new TRPCError({ code: 'FORBIDDEN', message: ACTION_REFUSALS[action] });
}

/** The caller's role in the workspace, when it allows the action; non-members see « introuvable ». */
export async function requireWorkspace(ctx: ApiContext & { user: User }, workspaceId: string, action: Action): Promise<Role> {
  const role = await ctx.services.accounts.getRole(workspaceId, ctx.user.id);
  if (role === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'Espace de travail introuvable.' });
  if (!roleAllows(role, action)) throw new TRPCError({ code: 'FORBIDDEN', message: ACTION_REFUSALS[action] });
  return role;
}
