import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_STORAGE_STATUS, listenToStorageStatus, readStorageStatus, storageFaultMessage, type StorageFault } from './storageStatus.js';

/** The body as the server writes it: varUint8Array(state, kind, retryInMs). */
function body(state: number, kind: string, retryInMs: number, extra?: (payload: encoding.Encoder) => void): Uint8Array {
  const payload = encoding.createEncoder();
  encoding.writeVarUint(payload, state);
  encoding.writeVarString(payload, kind);
  encoding.writeVarUint(payload, retryInMs);
  extra?.(payload);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(payload));
  return encoding.toUint8Array(encoder);
}

const read = (bytes: Uint8Array) => readStorageStatus(decoding.createDecoder(bytes));

describe('readStorageStatus', () => {
  it('reads a fault, and null once writes succeed again', () => {
    expect(read(body(1, 'full', 4000))).toEqual({ kind: 'full', retryInMs: 4000 });
    expect(read(body(1, 'readonly', 100))).toEqual({ kind: 'readonly', retryInMs: 100 });
    expect(read(body(0, '', 0))).toBeNull();
  });

  it('accepts fields added later and unknown kinds', () => {
    expect(read(body(1, 'busy', 200, (payload) => encoding.writeVarString(payload, 'plus tard')))).toEqual({ kind: 'busy', retryInMs: 200 });
    expect(read(body(1, 'surprise', 200))).toEqual({ kind: 'other', retryInMs: 200 });
  });

  it('reads the quota and the maximum size that comes with it', () => {
    expect(read(body(1, 'quota', 0, (payload) => encoding.writeVarUint(payload, 16 * 1024 * 1024)))).toEqual({ kind: 'quota', retryInMs: 0, maxBytes: 16 * 1024 * 1024 });
    expect(storageFaultMessage({ kind: 'quota', retryInMs: 0, maxBytes: 16 * 1024 * 1024 })).toBe(
      'Ce document a atteint sa taille maximale (16 Mo) : vos dernières modifications ne sont pas enregistrées. ' +
        'Elles restent sur cette page : copiez-les avant de la quitter, puis allégez le document ou continuez dans un autre.',
    );
  });

  it('returns undefined, never throws, for a frame it cannot read', () => {
    expect(read(new Uint8Array())).toBeUndefined();
    expect(read(new Uint8Array([5, 1]))).toBeUndefined();
    expect(read(body(9, 'full', 1))).toBeUndefined();
    const truncated = body(1, 'full', 4000);
    expect(read(truncated.slice(0, truncated.length - 2))).toBeUndefined();
  });
});

describe('storageFaultMessage', () => {
  it('says why, that edits are kept, and when the next attempt is, in whole seconds', () => {
    expect(storageFaultMessage({ kind: 'full', retryInMs: 3200 })).toBe(
      'Enregistrement impossible pour l’instant (disque plein) : vos modifications sont gardées et seront enregistrées dès que possible. Nouvel essai dans 4 s.',
    );
    expect(storageFaultMessage({ kind: 'busy', retryInMs: 100 })).toContain('(base de données occupée)');
    expect(storageFaultMessage({ kind: 'busy', retryInMs: 100 })).toContain('Nouvel essai dans 1 s.');
    expect(storageFaultMessage({ kind: 'readonly', retryInMs: 10_000 })).toContain('(base de données en lecture seule)');
    expect(storageFaultMessage({ kind: 'other', retryInMs: 800 })).toMatch(/^Enregistrement impossible pour l’instant : vos modifications/);
  });
});

describe('listenToStorageStatus', () => {
  const providers: WebsocketProvider[] = [];
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });

  function setUp() {
    const provider = new WebsocketProvider('ws://unused.invalid', 'room', new Y.Doc(), {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    });
    providers.push(provider);
    const seen: (StorageFault | null)[] = [];
    listenToStorageStatus(provider, (fault) => seen.push(fault));
    // Fed exactly as y-websocket's readMessage does: type read, then the handler.
    const deliver = (bytes: Uint8Array, fromServer = true) => {
      const handler = provider.messageHandlers[MESSAGE_STORAGE_STATUS]!;
      handler(encoding.createEncoder(), decoding.createDecoder(bytes), provider, fromServer, MESSAGE_STORAGE_STATUS);
    };
    return { seen, deliver };
  }

  it('reports the fault, then its end', () => {
    const { seen, deliver } = setUp();
    deliver(body(1, 'full', 400));
    deliver(body(1, 'full', 800));
    deliver(body(0, '', 0));
    expect(seen).toEqual([{ kind: 'full', retryInMs: 400 }, { kind: 'full', retryInMs: 800 }, null]);
  });

  it('ignores bad frames and frames relayed by other tabs', () => {
    const { seen, deliver } = setUp();
    expect(() => deliver(new Uint8Array([200]))).not.toThrow();
    deliver(body(1, 'busy', 100), false);
    expect(seen).toEqual([]);
  });
});
