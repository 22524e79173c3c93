import { CloseCode, MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, reviewRoomOf, type StorageStatus } from '@canevas/core';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AwarenessRateLimitOptions } from './AwarenessRateLimit.js';
import { DocumentRoom, type CorruptDocumentError, type RoomLimits } from './DocumentRoom.js';
import { InProcessFanOut } from './InProcessFanOut.js';
import { receiveClientMessage, type ClientMessageContext } from './receiveClientMessage.js';
import { RoomLog } from './RoomLog.js';
import { SyncConnection } from './SyncConnection.js';
import { encodeAwarenessMessage, encodeSyncUpdate, messageQueryAwareness, messageSync, syncStep1 } from './syncMessages.js';
import { RecordingLogger, RecordingWrites } from './testDoubles.js';

// The stage between a socket's frame and its room, on real rooms and connections: only the socket
// under each connection records what it is sent instead of writing to the network.

class RecordingSocket {
  readonly OPEN = 1;
  readyState = 1;
  extensions = '';
  readonly frames: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
  }
}



const rooms: DocumentRoom[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy();
});

function setup(options: { room?: string; limits?: RoomLimits; stored?: Uint8Array } = {}) {
  const writes = new RecordingWrites();
  const room = new DocumentRoom(options.room ?? 'doc-1', new RoomLog(), new InProcessFanOut(), writes, { shape: { extraRoots: ['t'] }, ...options.limits });
  rooms.push(room);
  if (options.stored) room.loadStored(options.stored, []);
  const logger = new RecordingLogger();
  const quarantined: { room: DocumentRoom; error: CorruptDocumentError }[] = [];
  const context: ClientMessageContext = { logger, quarantine: (target, error) => quarantined.push({ room: target, error }) };
  const connect = (connection: { canWrite?: boolean; ackRequested?: boolean; userId?: string; awarenessRateLimit?: AwarenessRateLimitOptions } = {}) => {
    const socket = new RecordingSocket();
    const attached = new SyncConnection(socket as unknown as WebSocket, room.id, {
      ackRequested: connection.ackRequested ?? false,
      canWrite: connection.canWrite ?? true,
      userId: connection.userId ?? 'u1',
      ...(connection.awarenessRateLimit && { awarenessRateLimit: connection.awarenessRateLimit }),
    });
    room.attach(attached);
    socket.frames.length = 0;
    return { socket, connection: attached, receive: (frame: Uint8Array) => receiveClientMessage(room, attached, frame, context) };
  };
  return { room, writes, logger, quarantined, connect };
}

/** A keystroke of a client of its own, in the text root `t` the rooms above accept. */
function keystroke(text: string, clientId = 1000): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function presence(clientId: number, state: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state as Record<string, unknown> | null);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return encodeAwarenessMessage(update);
}

/** One item whose origin is a later clock of its own client: it decodes, but Yjs cannot integrate it. */
function unresolvableUpdate(): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of [1, 1, 5, 0]) encoding.writeVarUint(encoder, value); // 1 client, 1 struct, client 5, clock 0
  encoding.writeUint8(encoder, 0b10000000 | 4); // has an origin, string content
  for (const value of [5, 10]) encoding.writeVarUint(encoder, value);
  encoding.writeVarString(encoder, 'a');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

function storageStatuses(socket: RecordingSocket): StorageStatus[] {
  return socket.frames.flatMap((sent) => {
    const decoder = decoding.createDecoder(sent);
    if (decoding.readVarUint(decoder) !== MESSAGE_STORAGE_STATUS) return [];
    return [decodeStorageStatusPayload(decoding.readVarUint8Array(decoder))];
  });
}

describe('receiveClientMessage: frames', () => {
  it('hands a sync update to the room, which queues it for the store', () => {
    const { room, writes, connect } = setup();
    const writer = connect();
    writer.receive(encodeSyncUpdate(keystroke('Bonjour')));
    expect(writes.of(room).map((queued) => queued.connection)).toEqual([writer.connection]);
    expect(room.doc.getText('t').toString()).toBe('Bonjour');
    expect(writer.socket.closed).toBeUndefined();
  });

  it('closes with 4400 a frame that is not exactly one well-formed message, and applies nothing', () => {
    const { room, writes, logger, connect } = setup();
    const bystander = connect();
    const malformed = {
      'an unknown message type': frame(7),
      'an unknown sync sub-type': frame(messageSync, 9, new Uint8Array([0])),
      'trailing bytes': new Uint8Array([...encodeSyncUpdate(keystroke('a')), 0]),
      'a payload shorter than its length': new Uint8Array([messageSync, 2, 5, 1]),
      'an empty frame': new Uint8Array([]),
      'an update that does not decode': frame(messageSync, 2, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])),
      'a state vector that does not decode': frame(messageSync, syncStep1, new Uint8Array([5])),
      'a query with trailing bytes': new Uint8Array([messageQueryAwareness, 0]),
    };
    for (const [what, bytes] of Object.entries(malformed)) {
      const sender = connect();
      sender.receive(bytes);
      expect(sender.socket.closed, what).toEqual({ code: CloseCode.MalformedMessage, reason: 'Message invalide' });
    }
    expect(logger.names()).toEqual(Object.keys(malformed).map(() => 'sync.malformed_message'));
    expect(writes.of(room)).toEqual([]);
    expect(room.doc.getText('t').toString()).toBe('');
    expect(bystander.socket.closed).toBeUndefined();
  });

  it('rethrows an error it has no answer for, for the engine to handle', () => {
    const { connect } = setup();
    const { connection } = connect();
    const failing = {
      receiveSyncStep1() {
        throw new TypeError('a bug');
      },
    } as unknown as DocumentRoom;
    expect(() => receiveClientMessage(failing, connection, frame(messageSync, syncStep1, new Uint8Array([0])), { logger: new RecordingLogger(), quarantine() {} })).toThrow(TypeError);
  });
});

describe('receiveClientMessage: who may write', () => {
  it('drops the updates of a read-only connection (tutor, viewer) without closing it', () => {
    const { room, writes, logger, connect } = setup();
    const tutor = connect({ canWrite: false });
    tutor.receive(encodeSyncUpdate(keystroke('intrus')));
    expect(writes.of(room)).toEqual([]);
    expect(room.doc.getText('t').toString()).toBe('');
    expect(tutor.socket.closed).toBeUndefined();
    expect(logger.events).toEqual([]);
  });

  it('refuses with 4400 content the document cannot read, while the others keep editing', () => {
    const { room, writes, logger, connect } = setup();
    const editor = connect();
    const intruder = connect();
    const foreign = new Y.Doc();
    foreign.getMap('ailleurs').set('clé', 'valeur');
    intruder.receive(encodeSyncUpdate(Y.encodeStateAsUpdate(foreign)));
    expect(intruder.socket.closed).toEqual({ code: CloseCode.MalformedMessage, reason: 'Modification refusée : contenu que le document ne peut pas lire' });
    expect(logger.names()).toEqual(['sync.update_refused']);
    expect(writes.of(room)).toEqual([]);
    editor.receive(encodeSyncUpdate(keystroke('suite')));
    expect(editor.socket.closed).toBeUndefined();
    expect(writes.of(room)).toHaveLength(1);
  });

  it('ignores presence and presence queries in a review room, even malformed ones, where nobody has a presence', () => {
    const { room, logger, connect } = setup({ room: reviewRoomOf('doc-1') });
    const reader = connect({ canWrite: false });
    reader.receive(presence(42, { cursor: 1 }));
    reader.receive(frame(1, new Uint8Array([0xff, 0xff, 0xff])));
    reader.receive(new Uint8Array([messageQueryAwareness]));
    expect(room.awareness.getStates().size).toBe(0);
    expect(reader.socket.closed).toBeUndefined();
    expect(reader.socket.frames).toEqual([]);
    expect(logger.events).toEqual([]);
  });
});

describe('receiveClientMessage: presence', () => {
  it('applies a presence, and logs the entries the room refused without closing', () => {
    const { room, logger, connect } = setup();
    const peer = connect();
    peer.receive(presence(42, { cursor: 1 }));
    expect(room.awareness.getStates().get(42)).toMatchObject({ cursor: 1, user: { id: 'u1' } });
    peer.receive(presence(43, 'pas un objet'));
    expect(room.awareness.getStates().has(43)).toBe(false);
    expect(logger.events).toMatchObject([{ event: 'sync.awareness_refused', fields: { entries: 1 } }]);
    expect(peer.socket.closed).toBeUndefined();
  });

  it('drops presence past the allowance, then closes with 4429 a connection that keeps at it', () => {
    const { room, logger, connect } = setup();
    // One message of allowance, refilled once every thousand seconds: the second one is over.
    const patient = connect({ awarenessRateLimit: { messagesPerSecond: 0.001, burstSeconds: 1 } });
    patient.receive(presence(1, { cursor: 1 }));
    patient.receive(presence(1, { cursor: 2 }));
    patient.receive(new Uint8Array([messageQueryAwareness]));
    expect(room.awareness.getStates().get(1)).toMatchObject({ cursor: 1 });
    expect(patient.socket.closed).toBeUndefined();
    expect(patient.socket.frames).toEqual([]);

    const flooding = connect({ awarenessRateLimit: { messagesPerSecond: 0.001, burstSeconds: 1, closeAfterSeconds: 0 } });
    flooding.receive(new Uint8Array([messageQueryAwareness]));
    flooding.receive(presence(2, { cursor: 1 }));
    expect(flooding.socket.closed).toEqual({ code: CloseCode.TooManyMessages, reason: 'Trop de messages de présence' });
    expect(room.awareness.getStates().has(2)).toBe(false);
    expect(logger.names()).toEqual(['sync.awareness_flood']);
  });

  it('closes with 4400 a malformed presence even past the allowance (read before it is counted)', () => {
    const { logger, connect } = setup();
    const peer = connect({ awarenessRateLimit: { messagesPerSecond: 0.001, burstSeconds: 1, closeAfterSeconds: 0 } });
    peer.receive(presence(1, { cursor: 1 }));
    peer.receive(frame(1, new Uint8Array([0xff, 0xff, 0xff])));
    expect(peer.socket.closed).toEqual({ code: CloseCode.MalformedMessage, reason: 'Message invalide' });
    expect(logger.names()).toEqual(['sync.malformed_message']);
  });
});

describe('receiveClientMessage: size quota and corrupt documents', () => {
  it('tells an editor who asked for storage status why an edit past the quota is refused (type 101 quota), once', () => {
    const { room, writes, logger, connect } = setup({ limits: { maxBytes: 200 } });
    const editor = connect({ ackRequested: true });
    editor.receive(encodeSyncUpdate(keystroke('x'.repeat(400))));
    expect(storageStatuses(editor.socket)).toEqual([{ state: 'failing', kind: 'quota', retryInMs: 0, maxBytes: 200 }]);
    expect(editor.socket.closed).toBeUndefined();
    // What it sends next builds on what was refused: refused too, without telling it again.
    editor.receive(encodeSyncUpdate(keystroke('y', 2000)));
    expect(storageStatuses(editor.socket)).toHaveLength(1);
    expect(writes.of(room)).toEqual([]);
    expect(logger.names()).toEqual(['sync.document_too_large']);
  });

  it('closes with 4413 a client past the quota that cannot hear why', () => {
    const { room, writes, connect } = setup({ limits: { maxBytes: 200 } });
    const stock = connect({ ackRequested: false });
    stock.receive(encodeSyncUpdate(keystroke('x'.repeat(400))));
    expect(stock.socket.closed).toEqual({ code: CloseCode.DocumentTooLarge, reason: 'Document trop volumineux' });
    expect(writes.of(room)).toEqual([]);
  });

  it('closes the sender with 4400 and the others with 1011 when a decodable update fails to apply', () => {
    const { room, writes, logger, quarantined, connect } = setup();
    const sender = connect();
    const other = connect();
    sender.receive(encodeSyncUpdate(unresolvableUpdate()));
    expect(sender.socket.closed).toEqual({ code: CloseCode.MalformedMessage, reason: 'Message invalide' });
    expect(other.socket.closed).toEqual({ code: CloseCode.InternalError, reason: 'Document rechargé' });
    expect(room.corrupt).toBe(true);
    expect(writes.of(room)).toEqual([]);
    expect(logger.events).toMatchObject([{ level: 'error', event: 'sync.corrupt_document' }]);
    expect(quarantined).toEqual([]);
  });

  it('quarantines the document, closing nobody itself, when its stored snapshot fails to integrate', () => {
    const { room, quarantined, connect } = setup({ stored: unresolvableUpdate() });
    const editor = connect();
    editor.receive(encodeSyncUpdate(keystroke('a')));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.room).toBe(room);
    expect(quarantined[0]!.error.fromStorage).toBe(true);
    expect(editor.socket.closed).toBeUndefined();
  });
});
