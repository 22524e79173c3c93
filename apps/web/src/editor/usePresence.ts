import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/** Who has the document open, from awareness (CollaborationCaret publishes `user`). */
export function usePresence(provider: WebsocketProvider): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>(() => readParticipants(provider));
  useEffect(() => {
    const refresh = () => setParticipants(readParticipants(provider));
    refresh();
    provider.awareness.on('change', refresh);
    return () => provider.awareness.off('change', refresh);
  }, [provider]);
  return participants;
}

function readParticipants(provider: WebsocketProvider): Participant[] {
  const self = provider.awareness.clientID;
  const participants: Participant[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string' || user.name === '') continue;
    participants.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : 'transparent',
      isSelf: clientId === self,
    });
  }
  return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'fr'));
}
