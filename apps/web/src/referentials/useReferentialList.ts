import { useCallback, useEffect, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

/** An enabled referential as `referentials.list` describes it (templates: id and title). */
export type ReferentialSummary = Awaited<ReturnType<typeof trpc.referentials.list.query>>[number];

export type ReferentialListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; referentials: ReferentialSummary[] };

export function useReferentialList(): [ReferentialListState, () => void] {
  const [state, setState] = useState<ReferentialListState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', referentials: await trpc.referentials.list.query() });
    } catch (error) {
      setState({ status: 'error', message: apiErrorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, () => void load()];
}
