import type WebSocket from 'ws';
import * as Y from 'yjs';
import { WireCodec } from '../protocol/WireCodec.js';
import { closeSocket, openSocket, toBytes, wireBytes } from './openSocket.js';
import type { ServerApi } from './ServerApi.js';

const SYNC_TIMEOUT_MS = 120_000;
/** Hocuspocus closes a socket it heard nothing from for 60 s; its provider renews awareness every 15 s. */
const KEEP_ALIVE_MS = 15_000;

/**
 * A full participant with its own Y.Doc, speaking the sync protocol like y-websocket's provider
 * (step 1 on open, step 2 in answer to the server's step 1, then live updates). Only the probe
 * pair, cold loads and catch-ups use it; the crowd is made of ThinClients.
 */
export class DocClient {
  readonly doc: Y.Doc;
  readonly codec: WireCodec;
  /** Time spent in Y.applyUpdate for what the server sent (a client cost, the same for every server). */
  applyMs = 0;
  /** When the server's sync step 2 arrived (performance.now()). */
  syncStep2At = 0;
  /** Yjs update bytes sent (live updates and sync step 2 answers). */
  updateBytesOut = 0;
  /** Bytes received on the wire, WebSocket frame headers included. */
  wireBytesIn = 0;
  private ws: WebSocket | undefined;
  private resolveSynced: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(
    private readonly api: ServerApi,
    readonly docName: string,
    options: { clientId?: number } = {},
  ) {
    this.doc = new Y.Doc();
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    this.codec = new WireCodec(api.kind, docName);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      if (this.ws?.readyState !== 1) return;
      this.ws.send(this.codec.update(update));
      this.updateBytesOut += update.byteLength;
    });
  }

  /**
   * Opens a socket and resolves once the server's sync step 2 has been applied. `url` may be
   * resolved beforehand (Canevas asks its API for it) to keep that request out of a timing.
   */
  async connect(url?: string): Promise<void> {
    const { ws, opened } = openSocket(url ?? (await this.api.socketUrl(this.docName)));
    this.ws = ws;
    ws.on('message', (data) => this.receive(toBytes(data)));
    await opened;
    const synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.api.kind}: no sync step 2 for ${this.docName}`)), SYNC_TIMEOUT_MS);
      this.resolveSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      ws.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.api.kind}: socket closed (${code}) before sync`));
      });
    });
    for (const frame of this.codec.opening()) ws.send(frame);
    ws.send(this.codec.syncStep1(Y.encodeStateVector(this.doc)));
    await synced;
    if (this.api.kind === 'hocuspocus' && !this.keepAlive) {
      this.keepAlive = setInterval(() => {
        if (this.ws?.readyState === 1) this.ws.send(this.codec.keepAlive());
      }, KEEP_ALIVE_MS);
      this.keepAlive.unref();
    }
  }

  /** Goes offline; the Y.Doc stays and keeps local edits. */
  async disconnect(): Promise<void> {
    const ws = this.ws;
    this.ws = undefined;
    if (ws) await closeSocket(ws);
  }

  async destroy(): Promise<void> {
    clearInterval(this.keepAlive);
    await this.disconnect();
    this.doc.destroy();
  }

  /** Resolves once `done()` holds, checked after each remote update. */
  until(done: () => boolean, timeoutMs = 120_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`${this.api.kind}: condition not reached in ${timeoutMs} ms on ${this.docName}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** True once this doc holds everything `stateVector` describes. */
  covers(stateVector: Map<number, number>): boolean {
    for (const [client, clock] of stateVector) if (Y.getState(this.doc.store, client) < clock) return false;
    return true;
  }

  private receive(data: Uint8Array): void {
    this.wireBytesIn += wireBytes(data.byteLength);
    const message = this.codec.decode(data);
    switch (message.kind) {
      case 'syncStep1': {
        const missing = Y.encodeStateAsUpdate(this.doc, message.payload);
        this.ws?.send(this.codec.syncStep2(missing));
        this.updateBytesOut += missing.byteLength;
        return;
      }
      case 'syncStep2':
      case 'update': {
        const start = performance.now();
        Y.applyUpdate(this.doc, message.payload, this);
        this.applyMs += performance.now() - start;
        if (message.kind === 'syncStep2') {
          this.syncStep2At = start;
          this.resolveSynced?.();
          this.resolveSynced = undefined;
        }
        for (const listener of [...this.listeners]) listener();
        return;
      }
      default:
        return;
    }
  }
}
