import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AwarenessFrames } from './AwarenessFrames.js';
import { DocumentRoom, MAX_AWARENESS_IDS_PER_CONNECTION, REMOTE_ORIGIN } from './DocumentRoom.js';
import { RoomLog } from './RoomLog.js';
import { RecordingWrites } from './testDoubles.js';
import { InProcessFanOut } from './InProcessFanOut.js';
import type { FanOut, FanOutListener, OriginUpdate, RoomPeer } from './FanOut.js';
import { readAwarenessUpdate } from './readAwarenessUpdate.js';
import { SyncConnection } from './SyncConnection.js';
import { CorruptDocumentError } from './DocumentRoom.js';
import { decodeClientMessage, messageAwareness, messageSync, syncStep1, syncStep2 } from './syncMessages.js';

/**
 * A WebSocket stand-in that records what is written to it, through `send` or as prepared frames
 * on its TCP stream, and how that stream is corked.
 */
class RecordingSocket {
  readonly OPEN = 1;
  readyState = 1;
  /** Negotiated extensions: prepared frames bypass `send` only without any. */
  extensions = '';
  /** Messages received, whichever way they were written. */
  readonly frames: Uint8Array[] = [];
  /** Prepared frames written to the stream, as they were written. */
  readonly wires: Uint8Array[] = [];
  /** `cork`, `frame`, `uncork` in call order. */
  readonly calls: string[] = [];
  readonly _socket = {
    writable: true,
    cork: () => this.calls.push('cork'),
    uncork: () => this.calls.push('uncork'),
    write: (wire: Buffer) => {
      this.wires.push(wire);
      // Unmasked binary frames of this test are shorter than 126 bytes: a 2-byte header.
      expect([wire[0], wire[1]]).toEqual([0x82, wire.byteLength - 2]);
      this.frames.push(wire.subarray(2));
      this.calls.push('frame');
      return true;
    },
  };
  closedWith: number | undefined;
  send(data: Uint8Array): void {
    this.frames.push(data);
    this.calls.push('send');
  }
  close(code: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }
}


const writes = new RecordingWrites();

function openRoom(connectionCount: number, stored?: { snapshot: Uint8Array | null; updates: Uint8Array[] }, fanOut: FanOut = new InProcessFanOut()) {
  const room = new DocumentRoom('doc-1', new RoomLog({ rows: stored?.updates.length ?? 0, bytes: 0, snapshotBytes: 0 }), fanOut, writes, { shape: { extraRoots: ['t'] } });
  if (stored) room.loadStored(stored.snapshot, stored.updates);
  const peers = Array.from({ length: connectionCount }, () => {
    const socket = new RecordingSocket();
    const connection = new SyncConnection(socket as unknown as WebSocket, room.id, { ackRequested: false, canWrite: true });
    room.attach(connection);
    socket.frames.length = 0;
    socket.calls.length = 0;
    return { socket, connection };
  });
  return { fanOut, room, peers };
}

/** The document updates carried by sync-update frames, in the order received. */
function updatesIn(frames: readonly Uint8Array[]): Uint8Array[] {
  return frames.map((frame) => {
    const message = decodeClientMessage(frame);
    if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`);
    return message.update;
  });
}

/** Three successive keystrokes, each from its own Yjs client. */
function keystrokes(count: number): Uint8Array[] {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) {
    source.clientID = 1000 + index;
    source.getText('t').insert(index, String.fromCharCode(97 + index));
  }
  return updates;
}

describe('DocumentRoom relay of committed updates', () => {
  it('never sends a connection its own updates and gives the others all of them, in commit order', () => {
    const { fanOut, room, peers } = openRoom(4);
    const [alice, bob, carol, dan] = peers;
    const [first, second, third] = keystrokes(3) as [Uint8Array, Uint8Array, Uint8Array];
    fanOut.publish(room.id, [
      { origin: alice!.connection.id, update: first },
      { origin: bob!.connection.id, update: second },
      { origin: alice!.connection.id, update: third },
    ]);

    expect(updatesIn(alice!.socket.frames)).toEqual([second]);
    expect(updatesIn(bob!.socket.frames)).toEqual([first, third]);
    expect(updatesIn(carol!.socket.frames)).toEqual([first, second, third]);
    expect(updatesIn(dan!.socket.frames)).toEqual([first, second, third]);
    // What a non-sender receives rebuilds the text exactly.
    const replica = new Y.Doc();
    for (const update of updatesIn(carol!.socket.frames)) Y.applyUpdate(replica, update);
    expect(replica.getText('t').toString()).toBe('abc');
    room.destroy();
  });

  it('writes the frames of one turn to a socket under one cork, and sends nothing to a connection that wrote everything', () => {
    const { fanOut, room, peers } = openRoom(2);
    const [alice, bob] = peers;
    fanOut.publish(room.id, [
      { origin: alice!.connection.id, update: keystrokes(1)[0]! },
      { origin: 'server', update: keystrokes(2)[1]! },
    ]);
    expect(bob!.socket.calls).toEqual(['cork', 'frame', 'frame', 'uncork']);
    expect(alice!.socket.calls).toEqual(['frame']);

    alice!.socket.calls.length = 0;
    fanOut.publish(room.id, [{ origin: alice!.connection.id, update: keystrokes(1)[0]! }]);
    expect(alice!.socket.calls).toEqual([]);
    room.destroy();
  });

  it('shares the bytes of a frame, WebSocket header included, between recipients instead of framing it for each', () => {
    const { fanOut, room, peers } = openRoom(3);
    fanOut.publish(room.id, [{ origin: peers[0]!.connection.id, update: keystrokes(1)[0]! }]);
    expect(peers[1]!.socket.wires[0]).toBe(peers[2]!.socket.wires[0]);
    room.destroy();
  });

  it('goes through send when an extension was negotiated (ws then frames, and may compress)', () => {
    const { fanOut, room, peers } = openRoom(2);
    peers[1]!.socket.extensions = 'permessage-deflate';
    fanOut.publish(room.id, [
      { origin: peers[0]!.connection.id, update: keystrokes(1)[0]! },
      { origin: 'server', update: keystrokes(2)[1]! },
    ]);
    expect(peers[1]!.socket.calls).toEqual(['send', 'send']);
    const replica = new Y.Doc();
    for (const update of updatesIn(peers[1]!.socket.frames)) Y.applyUpdate(replica, update);
    expect(replica.getText('t').toString().length).toBe(2);
    room.destroy();
  });

  it('sends nothing to a closed connection', () => {
    const { fanOut, room, peers } = openRoom(2);
    peers[1]!.socket.readyState = 3;
    fanOut.publish(room.id, [
      { origin: peers[0]!.connection.id, update: keystrokes(1)[0]! },
      { origin: 'server', update: keystrokes(2)[1]! },
    ]);
    expect(peers[1]!.socket.calls).toEqual([]);
    room.destroy();
  });
});

/** A client's awareness as a browser holds it: its own state, at clock 1. */
function presenceOf(clientId: number, state: Record<string, unknown>): awarenessProtocol.Awareness {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  return awareness;
}

function awarenessWith(states: Record<number, unknown>): awarenessProtocol.Awareness {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  for (const [clientId, state] of Object.entries(states)) {
    const source = presenceOf(Number(clientId), state as Record<string, unknown>);
    awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(source, [Number(clientId)]), null);
  }
  return awareness;
}

/** The awareness update inside an awareness frame. */
function awarenessPayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(messageAwareness);
  return decoding.readVarUint8Array(decoder);
}

describe('AwarenessFrames', () => {
  it('encodes exactly what y-protocols encodes, without the clients a connection announced', () => {
    const awareness = awarenessWith({ 7: { user: { name: 'Aïcha', color: '#c00' } }, 8: { cursor: 'é"\\' }, 300: { user: { name: 'Bruno' } } });
    awarenessProtocol.removeAwarenessStates(awareness, [8], null);
    const frames = new AwarenessFrames(awareness, [7, 8, 300]);

    expect(awarenessPayload(frames.for(new Set())!)).toEqual(awarenessProtocol.encodeAwarenessUpdate(awareness, [7, 8, 300]));
    expect(awarenessPayload(frames.for(new Set([300]))!)).toEqual(awarenessProtocol.encodeAwarenessUpdate(awareness, [7, 8]));
    expect(awarenessPayload(frames.for(new Set([7, 300]))!)).toEqual(awarenessProtocol.encodeAwarenessUpdate(awareness, [8]));
    expect(frames.for(new Set([7, 8, 300]))).toBeUndefined();
    expect(new AwarenessFrames(awareness, []).for(new Set())).toBeUndefined();
  });

  it('relays a presence to every other connection once per turn, never back to its author', async () => {
    const { room, peers } = openRoom(3);
    const [alice, bob, carol] = peers;
    const source = presenceOf(42, { user: { name: 'Alice' } });
    room.receiveAwareness(alice!.connection, readAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(source, [42])));
    await new Promise((resolve) => setImmediate(resolve));

    expect(alice!.socket.frames).toEqual([]);
    for (const peer of [bob!, carol!]) {
      expect(peer.socket.frames).toHaveLength(1);
      const replica = new awarenessProtocol.Awareness(new Y.Doc());
      awarenessProtocol.applyAwarenessUpdate(replica, awarenessPayload(peer.socket.frames[0]!), null);
      expect(replica.getStates().get(42)).toEqual({ user: { name: 'Alice' } });
    }
    expect(bob!.socket.frames[0]).toBe(carol!.socket.frames[0]);
    room.destroy();
  });
});

describe('awareness ownership', () => {
  function connectionOf(room: DocumentRoom, userId: string): SyncConnection {
    const connection = new SyncConnection(new RecordingSocket() as unknown as WebSocket, room.id, { ackRequested: false, canWrite: true, userId, userName: userId });
    room.attach(connection);
    return connection;
  }
  const entry = (clientId: number, clock: number, state: unknown) => [{ clientId, clock, state }];

  it('lets the same account take its client id over from a socket not yet found dead, and keeps it from another account after both left', () => {
    const { room } = openRoom(0);
    const old = connectionOf(room, 'claire');
    expect(room.receiveAwareness(old, entry(5, 1, { cursor: 1 }))).toBe(0);
    const reconnected = connectionOf(room, 'claire');
    const stranger = connectionOf(room, 'victor');
    expect(room.receiveAwareness(stranger, entry(5, 9, null))).toBe(1);
    expect(room.receiveAwareness(reconnected, entry(5, 2, { cursor: 2 }))).toBe(0);
    // The dead socket leaving does not remove the state its successor announced.
    room.detach(old);
    expect(room.awareness.getStates().get(5)).toMatchObject({ cursor: 2, user: { id: 'claire' } });
    room.detach(reconnected);
    expect(room.awareness.getStates().has(5)).toBe(false);
    expect(room.receiveAwareness(stranger, entry(5, 3, { cursor: 3 }))).toBe(1);
    expect(room.receiveAwareness(connectionOf(room, 'claire'), entry(5, 3, { cursor: 3 }))).toBe(0);
    room.destroy();
  });

  it('refuses states that are not objects and more client ids than a connection needs', () => {
    const { room } = openRoom(0);
    const connection = connectionOf(room, 'victor');
    expect(room.receiveAwareness(connection, entry(1, 1, 'texte'))).toBe(1);
    const many = Array.from({ length: 20 }, (_, index) => ({ clientId: 100 + index, clock: 1, state: {} }));
    expect(room.receiveAwareness(connection, many)).toBe(20 - MAX_AWARENESS_IDS_PER_CONNECTION);
    room.destroy();
  });
});

/** The sync sub-type and payload of a frame the server sent. */
function syncFrame(frame: Uint8Array): { subType: number; payload: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(messageSync);
  return { subType: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
}

/** A stored snapshot as a fold writes it: a document with some text. */
function storedSnapshot(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('DocumentRoom opened from its stored state', () => {
  it('answers an empty state vector with the snapshot itself, and sends its own step 1 once an edit builds the doc', () => {
    const snapshot = storedSnapshot('Bonjour');
    const { room, peers } = openRoom(2, { snapshot, updates: [] });
    const [reader, writer] = peers;
    expect(reader!.socket.frames).toEqual([]);
    room.receiveSyncStep1(reader!.connection, Y.encodeStateVector(new Y.Doc()));
    expect(reader!.socket.frames).toHaveLength(1);
    const reply = syncFrame(reader!.socket.frames[0]!);
    expect(reply.subType).toBe(syncStep2);
    expect(reply.payload).toEqual(snapshot);

    const stored = new Y.Doc();
    Y.applyUpdate(stored, snapshot);
    const storedStateVector = Y.encodeStateVector(stored);
    const edits: Uint8Array[] = [];
    stored.on('update', (update: Uint8Array) => edits.push(update));
    stored.getText('t').insert(7, ' !');
    room.receiveUpdate(writer!.connection, edits[0]!);
    expect(room.doc.getText('t').toString()).toBe('Bonjour !');
    expect(writes.of(room)).toHaveLength(1);
    for (const peer of [reader!, writer!]) {
      const step1 = syncFrame(peer.socket.frames.at(-1)!);
      expect(step1.subType).toBe(syncStep1);
      expect(step1.payload).toEqual(storedStateVector);
    }
    room.destroy();
  });

  it('answers a client that holds part of the document with its step 1, then only what the client lacks', () => {
    const snapshot = storedSnapshot('Bonjour');
    const { room, peers } = openRoom(1, { snapshot, updates: [] });
    const client = new Y.Doc();
    Y.applyUpdate(client, snapshot);
    room.receiveSyncStep1(peers[0]!.connection, Y.encodeStateVector(client));

    const [step1, step2] = peers[0]!.socket.frames.map(syncFrame);
    expect(step1!.subType).toBe(syncStep1);
    expect(step1!.payload).toEqual(Y.encodeStateVector(client));
    expect(step2!.subType).toBe(syncStep2);
    expect(step2!.payload).toEqual(Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(client)));
    room.destroy();
  });

  it('answers an empty state vector with the snapshot and the log rows applied, in order', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'Bonjour');
    const snapshot = Y.encodeStateAsUpdate(source);
    const rows: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => rows.push(update));
    source.getText('t').insert(7, ' à');
    source.getText('t').insert(9, ' tous');
    const { room, peers } = openRoom(1, { snapshot, updates: rows });
    room.receiveSyncStep1(peers[0]!.connection, Y.encodeStateVector(new Y.Doc()));

    const replica = new Y.Doc();
    for (const frame of peers[0]!.socket.frames) {
      const { subType, payload } = syncFrame(frame);
      if (subType === syncStep2) Y.applyUpdate(replica, payload);
    }
    expect(replica.getText('t').toString()).toBe('Bonjour à tous');
    room.destroy();
  });

  it('refuses to load an unreadable snapshot or log row', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    const room = new DocumentRoom('doc-1', new RoomLog(), new InProcessFanOut(), writes, { shape: { extraRoots: ['t'] } });
    expect(() => room.loadStored(garbage, [])).toThrow();
    expect(() => room.loadStored(storedSnapshot('Bonjour'), [garbage])).toThrow();
    room.destroy();
  });

  it('raises a storage CorruptDocumentError when a snapshot that reads fails to integrate once applied, and applies nothing', () => {
    // One item of client 5 whose origin is a later clock of its own client: it decodes, but Yjs
    // cannot integrate it.
    const encoder = encoding.createEncoder();
    for (const value of [1, 1, 5, 0]) encoding.writeVarUint(encoder, value); // 1 client, 1 struct, client 5, clock 0
    encoding.writeUint8(encoder, 0b10000000 | 4); // has an origin, string content
    for (const value of [5, 10]) encoding.writeVarUint(encoder, value);
    encoding.writeVarString(encoder, 'a');
    encoding.writeVarUint(encoder, 0); // empty delete set
    const unresolvable = encoding.toUint8Array(encoder);
    expect(() => Y.applyUpdate(new Y.Doc(), unresolvable)).toThrow();

    const { room, peers } = openRoom(2, { snapshot: unresolvable, updates: [] });
    let raised: unknown;
    try {
      room.receiveUpdate(peers[0]!.connection, keystrokes(1)[0]!);
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(CorruptDocumentError);
    expect((raised as CorruptDocumentError).fromStorage).toBe(true);
    expect(room.corrupt).toBe(true);
    expect(writes.of(room)).toEqual([]);
    room.destroy();
  });
});

describe('DocumentRoom.receiveUpdate', () => {
  it('queues what changes the document (insertions, deletions, updates waiting for their dependencies) and drops exact repeats', () => {
    const { room, peers } = openRoom(1);
    const writer = peers[0]!.connection;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'abc');
    source.getText('t').delete(1, 1);
    source.getText('t').insert(2, 'd');
    const [insert, deletion, later] = updates as [Uint8Array, Uint8Array, Uint8Array];

    room.receiveUpdate(writer, insert);
    room.receiveUpdate(writer, insert);
    expect(writes.of(room).map((entry) => entry.update)).toEqual([insert]);
    room.receiveUpdate(writer, deletion);
    expect(writes.of(room)).toHaveLength(2);
    expect(room.doc.getText('t').toString()).toBe('ac');

    const other = openRoom(1);
    other.room.receiveUpdate(other.peers[0]!.connection, later);
    expect(writes.of(other.room).map((entry) => entry.update)).toEqual([later]);
    // Its dependencies arrive: applied together, and queued too.
    other.room.receiveUpdate(other.peers[0]!.connection, insert);
    expect(writes.of(other.room)).toHaveLength(2);
    expect(other.room.doc.getText('t').toString()).toBe('abcd');
    room.destroy();
    other.room.destroy();
  });
});

/** A fan-out shared with other instances, as a room sees it: the tests play the other instances. */
class PeerFanOut implements FanOut {
  readonly shared = true;
  private readonly local = new InProcessFanOut();
  peer: RoomPeer | undefined;
  readonly awarenessPublished: Uint8Array[] = [];
  publish(room: string, updates: readonly OriginUpdate[]): void {
    this.local.publish(room, updates);
  }
  subscribe(room: string, listener: FanOutListener): () => void {
    return this.local.subscribe(room, listener);
  }
  join(_room: string, peer: RoomPeer): () => void {
    this.peer = peer;
    return () => (this.peer = undefined);
  }
  publishAwareness(_room: string, update: Uint8Array): void {
    this.awarenessPublished.push(update);
  }
  publishDeleted(): void {}
  publishAccessChanged(): void {}
  onAccessChanged(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

/** The text of a doc built from `base` and the updates a connection received (its sync step 1 aside). */
function textAfter(base: Uint8Array, frames: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  for (const update of updatesIn(frames.filter((frame) => decodeClientMessage(frame).kind === 'update'))) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('DocumentRoom across instances', () => {
  it('applies what another instance committed, relays it to every connection and counts it in the log', () => {
    const fanOut = new PeerFanOut();
    const { room, peers } = openRoom(2, undefined, fanOut);
    const [first] = keystrokes(1);
    fanOut.peer!.updates([first!]);

    expect(room.doc.getText('t').toString()).toBe('a');
    for (const { socket } of peers) expect(updatesIn(socket.frames)).toEqual([first]);
    expect(room.log.rows).toBe(1);
    room.destroy();
    expect(fanOut.peer).toBeUndefined();
  });

  it('catches up from the stored state, relaying only what the doc lacked', () => {
    const base = storedSnapshot('ab');
    const { room, peers } = openRoom(1, { snapshot: base, updates: [] }, new PeerFanOut());
    const other = new Y.Doc();
    Y.applyUpdate(other, base);
    const rows: Uint8Array[] = [];
    other.on('update', (update: Uint8Array) => rows.push(update));
    other.getText('t').insert(2, 'c');

    expect(room.catchUp(base, rows)).toBe(true);
    expect(room.doc.getText('t').toString()).toBe('abc');
    expect(textAfter(base, peers[0]!.socket.frames)).toBe('abc');
    peers[0]!.socket.frames.length = 0;
    // Read again: nothing new, nothing sent.
    expect(room.catchUp(base, rows)).toBe(false);
    expect(peers[0]!.socket.frames).toEqual([]);
    room.destroy();
  });

  it('never relays, while catching up, a deletion that is not stored yet', () => {
    const base = storedSnapshot('ab');
    const { room, peers } = openRoom(2, { snapshot: base, updates: [] }, new PeerFanOut());
    const [writer, reader] = peers;
    // The writer deletes « a »: applied here, still in the write queue.
    const local = new Y.Doc();
    Y.applyUpdate(local, base);
    const deletion: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => deletion.push(update));
    local.getText('t').delete(0, 1);
    room.receiveUpdate(writer!.connection, deletion[0]!);
    expect(writes.unstoredCount(room)).toBe(1);
    // Another instance stored « c ».
    const other = new Y.Doc();
    other.clientID = 777;
    Y.applyUpdate(other, base);
    const rows: Uint8Array[] = [];
    other.on('update', (update: Uint8Array) => rows.push(update));
    other.getText('t').insert(2, 'c');

    expect(room.catchUp(base, rows)).toBe(true);
    expect(room.doc.getText('t').toString()).toBe('bc');
    // The reader gets « c », and « a » stays until the deletion is stored and relayed.
    expect(textAfter(base, reader!.socket.frames)).toBe('abc');
    room.destroy();
  });

  it('publishes the awareness of its own connections, applies the others’ without publishing them again, and answers a query', async () => {
    const fanOut = new PeerFanOut();
    const { room, peers } = openRoom(2, undefined, fanOut);
    const [alice, bob] = peers;
    room.receiveAwareness(alice!.connection, readAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(presenceOf(42, { cursor: 1 }), [42])));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fanOut.awarenessPublished).toHaveLength(1);
    expect(readAwarenessUpdate(fanOut.awarenessPublished[0]!).map(({ clientId, state }) => ({ clientId, state }))).toEqual([{ clientId: 42, state: { cursor: 1 } }]);

    bob!.socket.frames.length = 0;
    alice!.socket.frames.length = 0;
    fanOut.peer!.awareness(awarenessProtocol.encodeAwarenessUpdate(presenceOf(99, { cursor: 7 }), [99]));
    await new Promise((resolve) => setImmediate(resolve));
    // Relayed to both local connections, not sent back to Redis.
    for (const peer of [alice!, bob!]) expect(readAwarenessUpdate(awarenessPayload(peer.socket.frames.at(-1)!)).map(({ clientId }) => clientId)).toEqual([99]);
    expect(fanOut.awarenessPublished).toHaveLength(1);
    expect(room.awareness.getStates().get(99)).toEqual({ cursor: 7 });

    // Another instance opening the room gets this instance's connections' states, not the relayed ones.
    const answer = fanOut.peer!.localAwareness();
    expect(readAwarenessUpdate(answer!).map(({ clientId }) => clientId)).toEqual([42]);

    // A departure crosses too, as a null state.
    room.detach(alice!.connection);
    await new Promise((resolve) => setImmediate(resolve));
    expect(readAwarenessUpdate(fanOut.awarenessPublished.at(-1)!).map(({ clientId, state }) => ({ clientId, state }))).toEqual([{ clientId: 42, state: null }]);
    expect(REMOTE_ORIGIN).toBe('remote');
    room.destroy();
  });
});
