import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './syncMessages.js';

/** A presence state is a name, a colour and a cursor: a few hundred bytes. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;
/** One client announces its own state; a relay of a few dozen is plenty. */
export const MAX_AWARENESS_ENTRIES = 64;

/** One client's entry of an awareness update; `state` null removes the client. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/**
 * Decodes an awareness update before anything of it is applied or relayed, refusing oversized
 * states (a 1 MB « name ») and floods of client entries, which would otherwise be fanned out to
 * every peer, and states that are not JSON.
 */
export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > MAX_AWARENESS_ENTRIES) throw new MalformedMessageError(`awareness update with ${count} entries`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const length = decoding.peekVarUint(decoder);
      if (length > MAX_AWARENESS_STATE_BYTES) throw new MalformedMessageError(`awareness state of ${length} bytes`);
      entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
    }
    return entries;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`invalid awareness update: ${(error as Error).message}`);
  }
}

/** The awareness update of `entries`, as y-protocols' `encodeAwarenessUpdate` writes it. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
