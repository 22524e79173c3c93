import * as decoding from 'lib0/decoding';
import { MalformedMessageError } from './syncMessages.js';

/** A presence state is a name, a colour and a cursor: a few hundred bytes. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;
/** One client announces its own state; a relay of a few dozen is plenty. */
export const MAX_AWARENESS_ENTRIES = 64;

/**
 * Refuses an awareness update before it is applied and relayed to everyone: oversized states
 * (a 1 MB « name ») and floods of client entries would otherwise be fanned out to every peer.
 */
export function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > MAX_AWARENESS_ENTRIES) throw new MalformedMessageError(`awareness update with ${count} entries`);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const length = decoding.peekVarUint(decoder);
      if (length > MAX_AWARENESS_STATE_BYTES) throw new MalformedMessageError(`awareness state of ${length} bytes`);
      decoding.readVarString(decoder);
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`invalid awareness update: ${(error as Error).message}`);
  }
}
