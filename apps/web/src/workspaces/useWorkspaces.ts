import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceSummary } from '@canevas/sync-server';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

const STORAGE_KEY = 'canevas.workspace';

export type WorkspacesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; workspaces: WorkspaceSummary[]; current: WorkspaceSummary | null };

function rememberedId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The user's workspaces and the one the list shows, remembered in this browser. */
export function useWorkspaces() {
  const [state, setState] = useState<WorkspacesState>({ status: 'loading' });

  const load = useCallback(async (preferredId?: string) => {
    try {
      const workspaces = await trpc.workspaces.list.query();
      const wanted = preferredId ?? rememberedId();
      const current = workspaces.find((workspace) => workspace.id === wanted) ?? workspaces[0] ?? null;
      setState({ status: 'ready', workspaces, current });
    } catch (error) {
      setState({ status: 'error', message: apiErrorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const select = useCallback((id: string) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Without storage the choice simply lasts for this page.
    }
    setState((previous) =>
      previous.status === 'ready' ? { ...previous, current: previous.workspaces.find((workspace) => workspace.id === id) ?? previous.current } : previous,
    );
  }, []);

  const create = useCallback(
    async (name: string) => {
      const created = await trpc.workspaces.create.mutate({ name });
      select(created.id);
      await load(created.id);
    },
    [load, select],
  );

  return { state, select, create, reload: load };
}
