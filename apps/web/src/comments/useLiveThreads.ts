import { useSyncExternalStore } from 'react';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { ThreadsSnapshot } from './LiveThreads.js';

const noSubscription = () => () => {};
const none = () => null;

/** The session's comment threads, re-rendering on change; null when the server has no review room. */
export function useLiveThreads(session: CollaborationSession): ThreadsSnapshot | null {
  const threads = session.threads;
  return useSyncExternalStore(threads?.subscribe ?? noSubscription, threads?.getSnapshot ?? none);
}
