import { buildServer } from '../../apps/sync-server/scripts/buildServer.js';

/**
 * Rebuilds the compiled server (apps/sync-server/dist/) once per vitest run of the integration
 * project, before any file: `spawnServer` and `runCanevas` run it as production does, and a build
 * older than the sources must never make a test pass or fail. About a second; only files whose
 * bytes changed are rewritten.
 */
export default async function setup(): Promise<void> {
  await buildServer();
}
