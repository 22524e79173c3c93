import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { silentLogger } from '../logger.js';
import type { DocumentStore, StoredDocument } from '../store/DocumentStore.js';
import { openStores } from '../store/openStores.js';
import type { Stores } from '../store/Stores.js';
import { InProcessFanOut } from './InProcessFanOut.js';
import { SyncConnection } from './SyncConnection.js';
import { SyncEngine } from './SyncEngine.js';

// The coordinator on a real SQLite store; only the socket under each connection records what it
// is sent instead of writing to the network.

class RecordingSocket {
  readonly OPEN = 1;
  readyState = 1;
  extensions = '';
  readonly frames: Uint8Array[] = [];
  send(data: Uint8Array): void {
    this.frames.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The store with its loads held until `release` is called: the moment a race needs. */
function heldLoads(store: DocumentStore): { store: DocumentStore; held: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const wrapped = Object.create(store) as DocumentStore;
  wrapped.loadDocument = async (room: string): Promise<StoredDocument | undefined> => {
    reached();
    await gate;
    return store.loadDocument(room);
  };
  return { store: wrapped, held, release };
}

describe('SyncEngine.open', () => {
  it('attaches a first connection to a live room even when a flush queued behind its load unloads the idle room first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'canevas-engine-'));
    const stores: Stores = await openStores({ role: 'exclusive', dataDir: dir });
    cleanups.push(() => rm(dir, { recursive: true, force: true }), () => stores.close());
    const source = new Y.Doc();
    source.getText('t').insert(0, 'Bonjour');
    await stores.documents.createDocument({ id: 'doc-1', title: 'Bilan', workspaceId: null, referentialId: null, templateId: null, createdAt: 1, snapshot: Y.encodeStateAsUpdate(source) });

    const { store, held, release } = heldLoads(stores.documents);
    const engine = new SyncEngine({ store, fanOut: new InProcessFanOut(), logger: silentLogger });
    cleanups.push(async () => void (await engine.shutdown()));
    const socket = new RecordingSocket();
    const connection = new SyncConnection(socket as unknown as WebSocket, 'doc-1', { ackRequested: false, canWrite: true, userId: 'u1' });

    const opening = engine.open(connection);
    await held;
    // Queued on the store chain behind the load: its housekeeping finds the loaded room idle.
    const flushed = engine.flushPending();
    release();
    expect(await opening).toBe(true);
    await flushed;

    // The connection is in the room the engine holds, and that room answers it.
    expect(engine.stats()).toMatchObject({ documents: 1, connections: 1 });
    expect([...engine.connections()]).toEqual([connection]);
    socket.frames.length = 0;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    engine.handleMessage(connection, encoding.toUint8Array(step1));
    await engine.flushPending();
    const replies = socket.frames.map((frame) => {
      const decoder = decoding.createDecoder(frame);
      return [decoding.readVarUint(decoder), decoding.readVarUint(decoder)];
    });
    // Sync step 2 (message 0, step 1): the client gets the document.
    expect(replies).toContainEqual([0, 1]);
  });
});
