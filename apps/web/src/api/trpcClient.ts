import { ANONYMOUS_PROCEDURES, MAX_BATCH_CALLS } from '@canevas/core';
import type { AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';

const anonymous = new Set(ANONYMOUS_PROCEDURES);

// Same origin as the page: in production the server serves the app, in development Vite proxies /trpc.
// The server refuses batches holding an anonymous procedure (login, sign-up…): those go alone.
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => anonymous.has(op.path),
      true: httpLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS }),
    }),
  ],
});

export type { DocumentSummary } from '@canevas/sync-server';
