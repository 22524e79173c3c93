import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ServerKind } from './ServerKind.js';

/** y-websocket message types (Canevas and @y/websocket-server). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
/** Hocuspocus adds these to the same numbering. */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const HOCUSPOCUS_AUTH_TOKEN = 0;

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type IncomingMessage =
  | { kind: 'syncStep1'; payload: Uint8Array }
  | { kind: 'syncStep2'; payload: Uint8Array }
  | { kind: 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  /** Framing-only messages: Hocuspocus auth and sync status, Canevas' persisted ack… */
  | { kind: 'other'; type: number };

/**
 * Encodes and decodes the frames of one document connection. Canevas and @y/websocket-server
 * speak the y-websocket protocol as is; Hocuspocus prefixes every frame with the document name,
 * expects an auth message first, and adds its own message types. Driving every server with the
 * same client code (rather than two different providers) keeps client-side costs identical.
 */
export class WireCodec {
  private readonly prefix: Uint8Array;

  constructor(
    readonly kind: ServerKind,
    readonly docName: string,
  ) {
    if (kind === 'hocuspocus') {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, docName);
      this.prefix = encoding.toUint8Array(encoder);
    } else {
      this.prefix = new Uint8Array(0);
    }
  }

  /** Frames to send as soon as the socket opens, before the sync step 1. */
  opening(): Uint8Array[] {
    if (this.kind !== 'hocuspocus') return [];
    return [
      this.frame((encoder) => {
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(encoder, 'bench');
      }),
    ];
  }

  syncStep1(stateVector: Uint8Array): Uint8Array {
    return this.sync(MESSAGE_SYNC, SYNC_STEP_1, stateVector);
  }

  /** The answer to the server's sync step 1 (Hocuspocus: a SyncReply, which asks for nothing back). */
  syncStep2(update: Uint8Array): Uint8Array {
    return this.sync(this.kind === 'hocuspocus' ? HOCUSPOCUS_SYNC_REPLY : MESSAGE_SYNC, SYNC_STEP_2, update);
  }

  update(update: Uint8Array): Uint8Array {
    return this.sync(MESSAGE_SYNC, SYNC_UPDATE, update);
  }

  awareness(awarenessUpdate: Uint8Array): Uint8Array {
    return this.frame((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessUpdate);
    });
  }

  /** Keeps an idle Hocuspocus connection alive (it closes sockets silent for 60 s). */
  keepAlive(): Uint8Array {
    return this.frame((encoder) => encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS));
  }

  /** Where the payload of the frame last passed to {@link classify} starts. */
  payloadOffset = 0;

  /**
   * The kind of a received frame, without allocating anything (the counting receivers' hot path):
   * 'update' covers sync step 2 and updates; the payload starts at {@link payloadOffset}.
   */
  classify(data: Uint8Array): 'syncStep1' | 'update' | 'awareness' | 'other' {
    let pos = 0;
    if (this.kind === 'hocuspocus') {
      const [length, next] = readVarUint(data, 0);
      pos = next + length;
    }
    const [type, afterType] = readVarUint(data, pos);
    if (type === MESSAGE_SYNC || (this.kind === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) {
      const [subType, afterSub] = readVarUint(data, afterType);
      this.payloadOffset = readVarUint(data, afterSub)[1];
      return subType === SYNC_STEP_1 ? 'syncStep1' : 'update';
    }
    if (type === MESSAGE_AWARENESS) {
      this.payloadOffset = readVarUint(data, afterType)[1];
      return 'awareness';
    }
    return 'other';
  }

  decode(data: Uint8Array): IncomingMessage {
    const decoder = decoding.createDecoder(data);
    if (this.kind === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || (this.kind === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) {
      const subType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subType === SYNC_STEP_1) return { kind: 'syncStep1', payload };
      if (subType === SYNC_STEP_2) return { kind: 'syncStep2', payload };
      return { kind: 'update', payload };
    }
    if (type === MESSAGE_AWARENESS) return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) };
    return { kind: 'other', type };
  }

  private sync(type: number, subType: number, payload: Uint8Array): Uint8Array {
    return this.frame((encoder) => {
      encoding.writeVarUint(encoder, type);
      encoding.writeVarUint(encoder, subType);
      encoding.writeVarUint8Array(encoder, payload);
    });
  }

  private frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }
}

/** [value, position after it] of the varuint at `pos`. */
function readVarUint(data: Uint8Array, pos: number): [number, number] {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = data[pos++];
    if (byte === undefined) throw new Error('truncated varuint');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
  }
}
