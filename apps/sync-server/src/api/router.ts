import { documentsRouter } from './documentsRouter.js';
import { evidenceRouter } from './evidenceRouter.js';
import { referentialsRouter } from './referentialsRouter.js';
import { publicProcedure, router } from './trpc.js';

export const appRouter = router({
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, version: ctx.services.version })),
  documents: documentsRouter,
  referentials: referentialsRouter,
  evidence: evidenceRouter,
});

export type AppRouter = typeof appRouter;
