import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSyncStep1, writeSyncStep2 } from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_PERSISTED } from '@canevas/core';
import { PersistedAckTracker } from './PersistedAckTracker.js';

const providers: WebsocketProvider[] = [];

function setUp() {
  const doc = new Y.Doc();
  const tracker = new PersistedAckTracker(doc);
  // Never connected: messages are fed to the handlers exactly as y-websocket's readMessage does.
  const provider = new WebsocketProvider('ws://unused.invalid', 'room', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  });
  providers.push(provider);
  tracker.attach(provider);
  const transitions: boolean[] = [];
  tracker.subscribe(() => transitions.push(tracker.unsynced));

  function deliver(write: (encoder: encoding.Encoder) => void, fromServer = true): void {
    const message = encoding.createEncoder();
    write(message);
    const decoder = decoding.createDecoder(encoding.toUint8Array(message));
    const type = decoding.readVarUint(decoder);
    const handler = provider.messageHandlers[type];
    if (!handler) throw new Error(`no handler for ${type}`);
    handler(encoding.createEncoder(), decoder, provider, fromServer, type);
  }
  function ack(stored: Y.Doc): void {
    deliver((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_PERSISTED);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(stored));
    });
  }
  function type(text: string): void {
    doc.getText('t').insert(doc.getText('t').length, text);
  }
  return { doc, tracker, provider, deliver, ack, type, transitions };
}

/** A server-side copy of the client's doc as it stood at this moment. */
function snapshotOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

describe('PersistedAckTracker', () => {
  it('is unsynced from a local edit until an ack covers it', () => {
    const { doc, tracker, ack, type, transitions } = setUp();
    expect(tracker.unsynced).toBe(false);

    type('Bonjour');
    const storedFirst = snapshotOf(doc);
    type(' à tous');
    expect(tracker.unsynced).toBe(true);

    ack(storedFirst);
    expect(tracker.unsynced).toBe(true);

    ack(snapshotOf(doc));
    expect(tracker.unsynced).toBe(false);
    // Listeners hear transitions, not each keystroke or ack.
    expect(transitions).toEqual([true, false]);
  });

  it('ignores an older ack that arrives late', () => {
    const { doc, tracker, ack, type } = setUp();
    type('a');
    const older = snapshotOf(doc);
    type('b');
    ack(snapshotOf(doc));
    ack(older);
    expect(tracker.unsynced).toBe(false);
  });

  it('does not count other clients’ clocks as our own edits', () => {
    const { doc, tracker } = setUp();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'texte distant');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(tracker.unsynced).toBe(false);
  });

  it('treats a completed handshake as an ack of what the server held (a lost ack)', () => {
    const { doc, tracker, provider, deliver, type } = setUp();
    type('déjà stocké');
    const server = snapshotOf(doc);
    expect(tracker.unsynced).toBe(true);

    deliver((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      writeSyncStep1(encoder, server);
    });
    expect(tracker.unsynced).toBe(true);
    deliver((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      writeSyncStep2(encoder, server, Y.encodeStateVector(doc));
    });
    expect(provider.synced).toBe(true);
    expect(tracker.unsynced).toBe(false);
  });

  it('does not take a handshake from another tab as the server’s word', () => {
    const { doc, tracker, provider, deliver, type } = setUp();
    type('seulement ici');
    const otherTab = snapshotOf(doc);
    deliver((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      writeSyncStep1(encoder, otherTab);
    }, false);
    const server = new Y.Doc();
    deliver((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      writeSyncStep1(encoder, server);
    });
    deliver((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      writeSyncStep2(encoder, server, Y.encodeStateVector(doc));
    });
    expect(provider.synced).toBe(true);
    expect(tracker.unsynced).toBe(true);
  });
});

