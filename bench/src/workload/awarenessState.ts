import * as encoding from 'lib0/encoding';

/**
 * An awareness update for one client, in y-protocols' encoding: what a TipTap editor with the
 * collaboration caret publishes on every selection change (user name and colour, and anchor and
 * head as relative positions).
 */
export function encodeAwarenessUpdate(clientId: number, clock: number, cursorClock: number): Uint8Array {
  const state = {
    user: { name: `Participant ${clientId % 1000}`, color: '#1d4ed8' },
    cursor: {
      anchor: { type: { client: clientId, clock: 0 }, tname: null, item: { client: clientId, clock: cursorClock }, assoc: 0 },
      head: { type: { client: clientId, clock: 0 }, tname: null, item: { client: clientId, clock: cursorClock }, assoc: 0 },
    },
  };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}
