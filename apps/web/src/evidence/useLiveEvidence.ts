import { useSyncExternalStore } from 'react';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { EvidenceSnapshot } from './LiveEvidence.js';

const noSubscription = () => () => {};
const none = () => null;

/** The session's evidence links, re-rendering on change; null when the server has no review room. */
export function useLiveEvidence(session: CollaborationSession): EvidenceSnapshot | null {
  const evidence = session.evidence;
  return useSyncExternalStore(evidence?.subscribe ?? noSubscription, evidence?.getSnapshot ?? none);
}
