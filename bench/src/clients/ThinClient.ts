import type WebSocket from 'ws';
import { WireCodec } from '../protocol/WireCodec.js';
import { countKeystrokesAt } from './countKeystrokes.js';
import { closeSocket, openSocket, toBytes, wireBytes } from './openSocket.js';
import type { ServerApi } from './ServerApi.js';

/** Encoded update of an empty document: what a client with nothing to add answers a sync step 1. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const SYNC_TIMEOUT_MS = 60_000;

export interface ThinCounters {
  /** Keystrokes of other clients received (clock units). */
  foreignKeystrokes: number;
  /** The client's own keystrokes sent back to it by the server. */
  echoedKeystrokes: number;
  updateMessages: number;
  awarenessMessages: number;
  otherMessages: number;
  /** Payload bytes received after the initial sync, and sent. */
  bytesIn: number;
  /** Bytes received on the wire after the initial sync, WebSocket frame headers included. */
  wireBytesIn: number;
  bytesOut: number;
  messagesOut: number;
}

/**
 * A thin participant: syncs like a provider but keeps no Y.Doc. It sends pre-encoded frames
 * (keystrokes, awareness) and only counts what it receives, so that thousands of them fit in one
 * load-generator process.
 */
export class ThinClient {
  readonly counters: ThinCounters = {
    foreignKeystrokes: 0,
    echoedKeystrokes: 0,
    updateMessages: 0,
    awarenessMessages: 0,
    otherMessages: 0,
    bytesIn: 0,
    wireBytesIn: 0,
    bytesOut: 0,
    messagesOut: 0,
  };
  readonly codec: WireCodec;
  private ws: WebSocket | undefined;
  private synced = false;
  private resolveSynced: (() => void) | undefined;
  /** Called for each received update that carries keystrokes of other clients. */
  onForeignKeystrokes: ((count: number) => void) | undefined;

  private constructor(
    api: ServerApi,
    readonly docName: string,
    readonly clientId: number,
  ) {
    this.codec = new WireCodec(api.kind, docName);
  }

  /** Connects and resolves once the server's sync step 2 (the document) has arrived. */
  static async connect(api: ServerApi, docName: string, clientId: number): Promise<ThinClient> {
    const client = new ThinClient(api, docName, clientId);
    const { ws, opened } = openSocket(await api.socketUrl(docName));
    client.ws = ws;
    ws.on('message', (data) => client.receive(toBytes(data)));
    await opened;
    const synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${api.kind}: no sync step 2 for ${docName}`)), SYNC_TIMEOUT_MS);
      client.resolveSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      ws.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`${api.kind}: socket closed (${code}) before sync`));
      });
    });
    for (const frame of client.codec.opening()) ws.send(frame);
    ws.send(client.codec.syncStep1(EMPTY_STATE_VECTOR));
    await synced;
    return client;
  }

  /** Bytes queued in the socket, not yet handed to the kernel (back-pressure for bulk sends). */
  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === 1;
  }

  send(frame: Uint8Array): void {
    if (!this.ws || this.ws.readyState !== 1) return;
    this.ws.send(frame);
    this.counters.bytesOut += frame.byteLength;
    this.counters.messagesOut++;
  }

  async close(): Promise<void> {
    if (this.ws) await closeSocket(this.ws);
  }

  /** Starts counting from zero (after setup traffic). */
  resetCounters(): void {
    for (const key of Object.keys(this.counters) as (keyof ThinCounters)[]) this.counters[key] = 0;
  }

  private receive(data: Uint8Array): void {
    if (!this.synced) {
      const message = this.codec.decode(data);
      if (message.kind === 'syncStep2') {
        this.synced = true;
        this.resolveSynced?.();
      } else if (message.kind === 'syncStep1') {
        this.ws?.send(this.codec.syncStep2(EMPTY_UPDATE));
      }
      return;
    }
    this.counters.bytesIn += data.byteLength;
    this.counters.wireBytesIn += wireBytes(data.byteLength);
    switch (this.codec.classify(data)) {
      case 'update': {
        this.counters.updateMessages++;
        const count = countKeystrokesAt(data, this.codec.payloadOffset, this.clientId);
        this.counters.foreignKeystrokes += count.foreign;
        this.counters.echoedKeystrokes += count.own;
        if (count.foreign > 0) this.onForeignKeystrokes?.(count.foreign);
        break;
      }
      case 'awareness':
        this.counters.awarenessMessages++;
        break;
      case 'syncStep1':
        this.ws?.send(this.codec.syncStep2(EMPTY_UPDATE));
        break;
      default:
        this.counters.otherMessages++;
    }
  }
}
