import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError, initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { roleAllows, type Action } from '../accounts/AccessControl.js';
import type { Role, User } from '../accounts/AccountStore.js';
import { isAllowedOrigin } from '../auth/originPolicy.js';
import type { DocumentMetadata } from '../store/DocumentStore.js';
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

export function createContextFactory(services: ApiServices) {
  return async ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<ApiContext> => {
    const found = await services.auth.authenticate(req);
    return { services, principal: { user: found?.user ?? null, via: found?.via ?? null }, req, res };
  };
}

const PAYLOAD_TOO_LARGE_MESSAGE = 'Requête trop volumineuse.';

const t = initTRPC.context<ApiContext>().create({
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
export const publicProcedure = t.procedure;

/**
 * Signed-in callers only. A mutation carried by the session cookie must come from an allowed
 * Origin: SameSite already stops most cross-site requests, this stops the rest.
 */
export const userProcedure = t.procedure.use(({ ctx, type, next }) => {
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
