import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncTarget } from '@canevas/core';
import { CollaborationSession } from './CollaborationSession.js';
import type { ConnectionState } from './connectionStatus.js';

/** Opens a session for the target and closes it when the target changes or the page leaves. */
export function useCollaborationSession(target: SyncTarget | null): CollaborationSession | null {
  const [session, setSession] = useState<CollaborationSession | null>(null);
  useEffect(() => {
    if (!target) return;
    const opened = new CollaborationSession(target);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [target]);
  return session;
}

export function useConnectionState(session: CollaborationSession): ConnectionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
