import { documentsRouter } from './documentsRouter.js';
import { publicProcedure, router } from './trpc.js';

export const appRouter = router({
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, version: ctx.services.version })),
  documents: documentsRouter,
});

export type AppRouter = typeof appRouter;
