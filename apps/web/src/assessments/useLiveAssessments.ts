import { useSyncExternalStore } from 'react';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { AssessmentsSnapshot } from './LiveAssessments.js';

const noSubscription = () => () => {};
const none = () => null;

/** The session's assessments, re-rendering on change; null when the server has no review room. */
export function useLiveAssessments(session: CollaborationSession): AssessmentsSnapshot | null {
  const assessments = session.assessments;
  return useSyncExternalStore(assessments?.subscribe ?? noSubscription, assessments?.getSnapshot ?? none);
}
