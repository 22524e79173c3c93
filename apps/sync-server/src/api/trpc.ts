import type { IncomingMessage } from 'node:http';
import { TRPCError, initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { ApiServices } from './ApiServices.js';

/** Who is calling. The auth issue replaces the placeholder in {@link resolvePrincipal} only. */
export interface Principal {
  user: { id: string; email: string } | null;
  role: 'owner' | 'editor' | 'tutor' | 'viewer';
}

export interface ApiContext {
  services: ApiServices;
  principal: Principal;
  req: IncomingMessage;
}

export function createContextFactory(services: ApiServices) {
  return ({ req }: { req: IncomingMessage }): ApiContext => ({
    services,
    principal: resolvePrincipal(req),
    req,
  });
}

/** Placeholder: everyone is an anonymous editor until accounts exist. */
function resolvePrincipal(_req: IncomingMessage): Principal {
  return { user: null, role: 'editor' };
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

/** Procedures that require write access to documents. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.principal.role === 'viewer' || ctx.principal.role === 'tutor') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Vous n’avez pas le droit de modifier ce document.' });
  }
  return next({ ctx });
});
