import { ANONYMOUS_PROCEDURES, MAX_BATCH_CALLS } from '@canevas/core';
import type { AppRouter } from '@canevas/sync-server';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { defaultTokenFor } from './testAccounts.js';

const anonymous = new Set(ANONYMOUS_PROCEDURES);

/**
 * A tRPC client signed in with `token`, by default the test server's administrator;
 * `{ token: null }` calls anonymously. Like the web app's, it batches only signed-in calls.
 */
export function newTrpcClient(serverUrl: string, options: { token?: string | null } = {}) {
  const token = options.token === undefined ? defaultTokenFor(serverUrl) : options.token;
  const link = { url: `${serverUrl}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) };
  return createTRPCClient<AppRouter>({
    links: [splitLink({ condition: (op) => anonymous.has(op.path), true: httpLink(link), false: httpBatchLink({ ...link, maxItems: MAX_BATCH_CALLS }) })],
  });
}

export type TestTrpcClient = ReturnType<typeof newTrpcClient>;
