import type { AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

// Same origin as the page: in production the server serves the app, in development Vite proxies /trpc.
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
});

export type { DocumentSummary } from '@canevas/sync-server';
