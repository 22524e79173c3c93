import { useEffect } from 'react';
import { trpc } from '../api/trpcClient.js';
import type { CollaborationSession } from '../editor/CollaborationSession.js';

/**
 * When this tab's undo brings back a linked passage, its links are re-anchored on the restored
 * text through the server, so that every participant, the server and the exports see them
 * attached again (see `anchorsRestoredByUndo`). Only for those who may change links.
 */
export function useReanchorRestoredEvidence(session: CollaborationSession, documentId: string, canChange: boolean): void {
  useEffect(() => {
    const evidence = session.evidence;
    if (!evidence || !canChange) return;
    evidence.setReanchor((id, anchor) => trpc.evidence.reattach.mutate({ documentId, id, anchor }));
    return () => evidence.setReanchor(null);
  }, [session, documentId, canChange]);
}
