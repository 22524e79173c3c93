import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { messageAwareness } from './syncMessages.js';

/**
 * The awareness frames of one relay turn. Each dirty client's entry (id, clock, state as JSON) is
 * encoded once; a connection receives every dirty entry except those of the clients it announced
 * itself, in the order given. Connections that announced none of them share one frame. The bytes
 * are exactly those of y-protocols' `encodeAwarenessUpdate` for the same clients.
 */
export class AwarenessFrames {
  private readonly entries: Uint8Array[];
  private everyone: Uint8Array | undefined;

  constructor(
    awareness: Awareness,
    private readonly clients: readonly number[],
  ) {
    this.entries = clients.map((clientId) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, awareness.meta.get(clientId)?.clock ?? 0);
      encoding.writeVarString(encoder, JSON.stringify(awareness.getStates().get(clientId) ?? null));
      return encoding.toUint8Array(encoder);
    });
  }

  /** The frame for a connection that announced `own`; undefined when nothing is left for it. */
  for(own: ReadonlySet<number>): Uint8Array | undefined {
    let shared = true;
    for (const clientId of this.clients) {
      if (own.has(clientId)) {
        shared = false;
        break;
      }
    }
    if (shared) return this.clients.length === 0 ? undefined : (this.everyone ??= this.frame(this.entries));
    const kept = this.entries.filter((_, index) => !own.has(this.clients[index]!));
    return kept.length === 0 ? undefined : this.frame(kept);
  }

  private frame(entries: readonly Uint8Array[]): Uint8Array {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, entries.length);
    for (const entry of entries) encoding.writeUint8Array(update, entry);
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, messageAwareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    return encoding.toUint8Array(message);
  }
}
