import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { AwarenessRateLimit, type AwarenessRateLimitOptions } from './AwarenessRateLimit.js';
import type { PreparedFrame } from './PreparedFrame.js';

export interface SyncConnectionOptions {
  /** The client asked for `messagePersisted` acknowledgements (`ack=1`). */
  ackRequested: boolean;
  /**
   * False for read-only principals and for every client of a review room: their updates are
   * dropped, not stored, not relayed.
   */
  canWrite: boolean;
  /** Who is connected, so role changes and removals reach open connections. */
  userId?: string | null;
  /** The account's display name, written into this connection's awareness states. */
  userName?: string;
  /** The account's caret colour in this document's workspace (see memberPresenceColor). */
  userColor?: string;
  awarenessRateLimit?: AwarenessRateLimitOptions;
}

let nextConnectionId = 1;

/** One WebSocket attached to one room (a document's content, or its review doc). */
export class SyncConnection {
  readonly id = `c${nextConnectionId++}`;
  readonly ackRequested: boolean;
  /** Mutable: a role change applies to the open connection (tutor → editor and back). */
  canWrite: boolean;
  readonly userId: string | null;
  /** Mutable: a change of the account's name applies to the states it announces next. */
  userName: string | null;
  readonly userColor: string | null;
  /** Awareness client ids announced through this connection, removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Awareness client ids this connection claimed first (see DocumentRoom's ownership rule). */
  readonly ownedAwarenessIds = new Set<number>();
  readonly awarenessRateLimit: AwarenessRateLimit;
  private closing = false;

  constructor(
    private readonly socket: WebSocket,
    /** `<docId>` or `<docId>/review`. */
    readonly room: string,
    options: SyncConnectionOptions,
  ) {
    this.ackRequested = options.ackRequested;
    this.canWrite = options.canWrite;
    this.userId = options.userId ?? null;
    this.userName = options.userName ?? null;
    this.userColor = options.userColor ?? null;
    this.awarenessRateLimit = new AwarenessRateLimit(options.awarenessRateLimit);
  }

  get isOpen(): boolean {
    return !this.closing && this.socket.readyState === this.socket.OPEN;
  }

  send(data: Uint8Array): void {
    if (this.isOpen) this.socket.send(data);
  }

  /**
   * Sends prepared frames in order, in one write system call. Their bytes go straight to the TCP
   * socket when `ws` would write exactly those bytes itself: no extension negotiated (no
   * compression, so its sender never queues) and the socket writable; otherwise through `send`.
   */
  sendPrepared(frames: readonly PreparedFrame[]): void {
    if (!this.isOpen) return;
    const stream = this.socket.extensions === '' ? underlyingStream(this.socket) : undefined;
    if (!stream || !stream.writable) {
      for (const frame of frames) this.socket.send(frame.message);
      return;
    }
    if (frames.length === 1) {
      stream.write(frames[0]!.wire);
      return;
    }
    stream.cork();
    try {
      for (const frame of frames) stream.write(frame.wire);
    } finally {
      stream.uncork();
    }
  }

  /** Sends several frames in order, in one write system call when the socket allows it. */
  sendAll(frames: readonly Uint8Array[]): void {
    if (!this.isOpen) return;
    if (frames.length === 1) {
      this.socket.send(frames[0]!);
      return;
    }
    const stream = underlyingStream(this.socket);
    stream?.cork();
    try {
      for (const frame of frames) this.socket.send(frame);
    } finally {
      stream?.uncork();
    }
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.socket.close(code, reason);
  }

  /** Drops the TCP connection of a socket that did not finish its closing handshake. */
  terminate(): void {
    this.closing = true;
    if (this.socket.readyState !== this.socket.CLOSED) this.socket.terminate();
  }
}

/**
 * The net.Socket under a ws WebSocket (`_socket`: undocumented, stable since ws 1). Each `send`
 * already corks it around its header and payload; corking around several sends makes them one
 * `writev` instead of one per frame. Without it (another WebSocket implementation), frames are
 * simply written one by one.
 */
function underlyingStream(socket: WebSocket): Pick<Duplex, 'cork' | 'uncork' | 'write' | 'writable'> | undefined {
  const stream = (socket as unknown as { _socket?: unknown })._socket;
  if (stream && typeof stream === 'object' && 'cork' in stream && 'uncork' in stream && 'write' in stream) return stream as Duplex;
  return undefined;
}
