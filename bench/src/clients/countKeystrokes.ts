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
  if (clients === 0) return NONE;
  if (clients === 1) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    // One client, one-character items: structs = keystrokes (mergeUpdates keeps items apart).
    return client === ownId ? { foreign: 0, own: structs } : { foreign: structs, own: 0 };
  }
  return countMerged(update, ownId);
}

const NONE: KeystrokeCount = { foreign: 0, own: 0 };

/**
 * The same count straight from a received frame, without allocating a decoder or a payload view
 * in the common case: the counting receivers' hot path. `offset` is where the Yjs update starts.
 */
export function countKeystrokesAt(frame: Uint8Array, offset: number, ownId: number): KeystrokeCount {
  let pos = offset;
  let clients = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = frame[pos++]!;
    clients += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (clients === 0) return NONE;
  if (clients > 1) return countMerged(frame.subarray(offset), ownId);
  let structs = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = frame[pos++]!;
    structs += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  let client = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = frame[pos++]!;
    client += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  return client === ownId ? { foreign: 0, own: structs } : { foreign: structs, own: 0 };
}

function countMerged(update: Uint8Array, ownId: number): KeystrokeCount {
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
