import type { AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { defaultTokenFor } from './testAccounts.js';

/**
 * A tRPC client signed in with `token`, by default the test server's administrator;
 * `{ token: null }` calls anonymously.
 */
export function newTrpcClient(serverUrl: string, options: { token?: string | null } = {}) {
  const token = options.token === undefined ? defaultTokenFor(serverUrl) : options.token;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${serverUrl}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

export type TestTrpcClient = ReturnType<typeof newTrpcClient>;
