import { loadReferentials, type LoadedReferentials } from '@canevas/sync-server';

let loaded: Promise<LoadedReferentials> | undefined;

/**
 * The workspace's code plugins (packages/plugins/*), loaded once per test file as `serve` loads
 * them: `newServer({ referentials: await workspaceReferentials() })`.
 */
export function workspaceReferentials(): Promise<LoadedReferentials> {
  return (loaded ??= loadReferentials());
}
