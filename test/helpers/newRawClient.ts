import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { defaultTokenFor } from './testAccounts.js';

export interface RawMessage {
  type: number;
  /** For sync messages (type 0): 0 step 1, 1 step 2, 2 update. */
  syncType?: number;
  payload: Uint8Array;
}

export interface RawClient {
  socket: WebSocket;
  messages: RawMessage[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
  /** Sends sync step 1 with `doc`'s state vector. */
  sendSyncStep1(doc?: Y.Doc): void;
  sendUpdate(update: Uint8Array): void;
  /** Resolves with the first message (already received or next) that matches. */
  nextMessage(predicate: (message: RawMessage) => boolean): Promise<RawMessage>;
  close(): void;
}

/** A bare WebSocket speaking the wire protocol by hand, to count and forge frames. */
export function newRawClient(url: string, options: { token?: string | null; headers?: Record<string, string> } = {}): RawClient {
  const token = options.token === undefined ? defaultTokenFor(url.replace(/^ws/, 'http')) : options.token;
  const socket = new WebSocket(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers } });
  const messages: RawMessage[] = [];
  const waiters = new Set<{ predicate: (message: RawMessage) => boolean; resolve: (message: RawMessage) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = decodeServerMessage(new Uint8Array(data));
    messages.push(message);
    for (const waiter of waiters) {
      if (!waiter.predicate(message)) continue;
      waiters.delete(waiter);
      waiter.resolve(message);
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // A refused upgrade rejects `opened`; tests that expect it listen for 'unexpected-response'.
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return {
    socket,
    messages,
    opened,
    closed,
    send: (frame) => socket.send(frame),
    sendSyncStep1(doc = new Y.Doc()) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
      socket.send(encoding.toUint8Array(encoder));
    },
    sendUpdate(update) {
      socket.send(encodeUpdateFrame(update));
    },
    nextMessage(predicate) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
    close: () => socket.close(),
  };
}

export function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function decodeServerMessage(data: Uint8Array): RawMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === 0) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === 3) return { type, payload: new Uint8Array() };
  return { type, payload: decoding.readVarUint8Array(decoder) };
}
