import { authRouter } from './authRouter.js';
import { binRouter } from './binRouter.js';
import { documentsRouter } from './documentsRouter.js';
import { privacyRouter } from './privacyRouter.js';
import { assessmentsRouter, commentsRouter } from './reviewRouter.js';
import { submissionsRouter } from './submissionsRouter.js';
import { versionsRouter } from './versionsRouter.js';
import { evidenceRouter } from './evidenceRouter.js';
import { referentialsRouter } from './referentialsRouter.js';
import { publicProcedure, router } from './trpc.js';
import { workspacesRouter } from './workspacesRouter.js';

export const appRouter = router({
  // Still ok without Redis: the instance serves and stores for its own clients meanwhile (ADR 0010).
  health: publicProcedure.query(({ ctx }) => ({ ok: true as const, version: ctx.services.version, ...ctx.services.instance?.() })),
  auth: authRouter,
  workspaces: workspacesRouter,
  documents: documentsRouter,
  submissions: submissionsRouter,
  versions: versionsRouter,
  bin: binRouter,
  comments: commentsRouter,
  assessments: assessmentsRouter,
  privacy: privacyRouter,
  referentials: referentialsRouter,
  evidence: evidenceRouter,
});

export type AppRouter = typeof appRouter;
