import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export interface KeystrokeCount {
  foreign: number;
  own: number;
}

/**
 * How many keystrokes (clock units) an update carries from other clients and from `ownId`.
 * Every keystroke in the bench inserts one character, so clock units are keystrokes. Single
 * client updates are counted from the header alone (the common case, and a hot path of the
 * counting receivers); merged ones through Y.parseUpdateMeta.
 */
export function countKeystrokes(update: Uint8Array, ownId: number): KeystrokeCount {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  if (clients === 0) return { foreign: 0, own: 0 };
  if (clients === 1) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    // One client, one-character items: structs = keystrokes (mergeUpdates keeps items apart).
    return client === ownId ? { foreign: 0, own: structs } : { foreign: structs, own: 0 };
  }
  const meta = Y.parseUpdateMeta(update);
  let foreign = 0;
  let own = 0;
  for (const [client, to] of meta.to) {
    const count = to - (meta.from.get(client) ?? 0);
    if (client === ownId) own += count;
    else foreign += count;
  }
  return { foreign, own };
}
