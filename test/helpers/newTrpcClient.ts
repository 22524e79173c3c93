import type { AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

export function newTrpcClient(serverUrl: string) {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${serverUrl}/trpc` })] });
}

export type TestTrpcClient = ReturnType<typeof newTrpcClient>;
