import { useCallback, useEffect, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

export interface SubmissionSummary {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

export type SubmissionsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; submissions: SubmissionSummary[] };

/** Others' submissions are not in the review doc: the list is re-read now and then, and on return to the tab. */
export const SUBMISSIONS_REFRESH_MS = 30_000;

/** The document's submitted versions, newest first, kept fresh while the page is visible. */
export function useSubmissions(documentId: string): { state: SubmissionsState; refresh: () => Promise<void>; added: (submission: SubmissionSummary) => void } {
  const [state, setState] = useState<SubmissionsState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const list = await trpc.submissions.list.query({ documentId });
      setState({ status: 'ready', submissions: newestFirst(list) });
    } catch (error) {
      setState((current) => (current.status === 'ready' ? current : { status: 'error', message: apiErrorMessage(error) }));
    }
  }, [documentId]);

  useEffect(() => {
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = setInterval(onVisible, SUBMISSIONS_REFRESH_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [refresh]);

  const added = useCallback((submission: SubmissionSummary) => {
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', submissions: newestFirst([...current.submissions.filter((s) => s.id !== submission.id), submission]) } : current,
    );
  }, []);

  return { state, refresh, added };
}

function newestFirst(list: readonly SubmissionSummary[]): SubmissionSummary[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
