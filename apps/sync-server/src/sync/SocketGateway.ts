import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, parseRoomName } from '@canevas/core';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { SyncAuthorizer, UpgradeDecision } from '../accounts/syncAuthorizer.js';
import type { Logger } from '../logger.js';
import type { AwarenessRateLimitOptions } from './AwarenessRateLimit.js';
import { SyncConnection } from './SyncConnection.js';

/**
 * What the gateway hands a socket to, once upgraded: one entry point per socket, whatever the
 * transport (the engine implements it).
 */
export interface SyncSessions {
  /** Resolves once the stored state is loaded; false when the document does not exist. */
  open(connection: SyncConnection): Promise<boolean>;
  handleMessage(connection: SyncConnection, data: Uint8Array): void;
  close(connection: SyncConnection): void;
  /** Every attached connection, for role refreshes. */
  connections(): Iterable<SyncConnection>;
}

export interface SocketGatewayOptions {
  sessions: SyncSessions;
  authorizer: SyncAuthorizer;
  logger: Logger;
  /** Largest WebSocket frame; larger ones close the connection with 1009. */
  maxPayload: number;
  /** Upgrades being authorized at once; more get 503 at once (default 64). */
  maxPendingUpgrades?: number;
  /** Interval of the liveness ping (default 30 s). */
  pingIntervalMs?: number;
  /** How often open connections are checked against current roles (default 2 s). */
  accessRefreshMs?: number;
  awarenessRateLimit?: AwarenessRateLimitOptions;
}

/** How long a refused upgrade's socket stays open for the client to read the answer. */
const REFUSED_UPGRADE_LINGER_MS = 1000;

/**
 * The sockets of `/sync/…`: authorizes and upgrades, buffers what a client sends while its
 * document loads, pings to find dead peers, applies role changes to open sockets, and closes
 * them at shutdown. It knows nothing of documents: those are the sessions' (the engine's).
 */
export class SocketGateway {
  private readonly wss: WebSocketServer;
  private readonly alive = new Map<WebSocket, boolean>();
  private readonly sessions: SyncSessions;
  private readonly authorizer: SyncAuthorizer;
  private readonly logger: Logger;
  private readonly maxPayload: number;
  private readonly maxPendingUpgrades: number;
  private readonly awarenessRateLimit: AwarenessRateLimitOptions | undefined;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly accessTimer: NodeJS.Timeout;
  private pendingUpgrades = 0;
  private refreshScheduled = false;
  private stopped = false;

  constructor(options: SocketGatewayOptions) {
    this.sessions = options.sessions;
    this.authorizer = options.authorizer;
    this.logger = options.logger;
    this.maxPayload = options.maxPayload;
    this.maxPendingUpgrades = options.maxPendingUpgrades ?? 64;
    this.awarenessRateLimit = options.awarenessRateLimit;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
    // Dead peers never send a close frame: ping them so their rooms can be unloaded.
    this.pingTimer = setInterval(() => this.checkLiveness(), options.pingIntervalMs ?? 30_000);
    this.pingTimer.unref();
    this.accessTimer = setInterval(
      () => void this.refreshAccess().catch((error: unknown) => this.logger.error('sync.access_refresh_failed', { error })),
      options.accessRefreshMs ?? 2000,
    );
    this.accessTimer.unref();
  }

  /** Open sockets, upgraded and not yet closed. */
  get socketCount(): number {
    return this.wss.clients.size;
  }

  /** The HTTP server's `upgrade` listener. */
  readonly handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node detaches its own handlers from an upgraded socket: without this, a client resetting
    // the connection while it is authorized would be an unhandled error.
    socket.on('error', () => socket.destroy());
    const url = parseRequestUrl(req);
    if (this.stopped) return refuseUpgrade(socket, 503, 'Service Unavailable');
    if (!url || !url.pathname.startsWith('/sync/')) return refuseUpgrade(socket, 404, 'Not Found');
    const roomName = url.pathname.slice('/sync/'.length);
    const room = parseRoomName(roomName);
    if (!room) return refuseUpgrade(socket, 400, 'Bad Request');
    if (this.pendingUpgrades >= this.maxPendingUpgrades) {
      this.logger.warn('sync.upgrades_saturated', { pending: this.pendingUpgrades });
      return refuseUpgrade(socket, 503, 'Service Unavailable', 'Retry-After: 1\r\n');
    }
    const ackRequested = url.searchParams.get('ack') === '1';
    this.pendingUpgrades++;
    // Authorized before upgrading: a refused client never receives a byte of the document, and
    // nothing it sent after its request (`head`, the socket's buffer) is ever read.
    this.authorizer
      .upgrade(req, url, roomName, room)
      .then(
        (decision) => {
          if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.text);
          if (socket.destroyed) return;
          this.wss.handleUpgrade(req, socket, head, (ws) => {
            if (decision.found) this.accept(ws, roomName, ackRequested, decision);
            else ws.close(CloseCode.DocumentNotFound, 'Document introuvable');
          });
        },
        (error: unknown) => {
          this.logger.error('sync.authorize_failed', { docId: roomName, error });
          refuseUpgrade(socket, 500, 'Internal Server Error');
        },
      )
      .finally(() => this.pendingUpgrades--);
  };

  /** Roles changed (an API call): applies them to open sockets in the next turn, once. */
  accessChanged(): void {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      void this.refreshAccess().catch((error: unknown) => this.logger.error('sync.access_refresh_failed', { error }));
    });
  }

  /** Applies current roles to open connections: removed members are closed, roles re-read. */
  async refreshAccess(): Promise<void> {
    const accessOf = this.authorizer.currentAccess();
    for (const connection of [...this.sessions.connections()]) {
      const room = parseRoomName(connection.room);
      if (!connection.userId || !connection.isOpen || !room) continue;
      const access = await accessOf(room, connection.userId);
      if (!access) {
        connection.close(CloseCode.AccessRevoked, 'Accès retiré');
        continue;
      }
      if (access.canWrite !== connection.canWrite) {
        this.logger.info('sync.role_applied', { room: connection.room, connection: connection.id, canWrite: access.canWrite });
        connection.canWrite = access.canWrite;
      }
    }
  }

  /** Refuses new upgrades (503) and stops the timers; open sockets stay until {@link closeSockets}. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.pingTimer);
    clearInterval(this.accessTimer);
  }

  /**
   * Gives the sockets (which the sessions closed with 1001) `timeoutMs` to finish their closing
   * handshake, then drops the rest.
   */
  async closeSockets(timeoutMs = 1000): Promise<void> {
    this.stop();
    const deadline = Date.now() + timeoutMs;
    while (this.wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, roomName: string, ackRequested: boolean, decision: Extract<UpgradeDecision, { found: true }>): void {
    const connection = new SyncConnection(ws, roomName, {
      ackRequested,
      canWrite: decision.canWrite,
      userId: decision.userId,
      userName: decision.userName,
      ...(decision.userColor && { userColor: decision.userColor }),
      ...(this.awarenessRateLimit && { awarenessRateLimit: this.awarenessRateLimit }),
    });
    this.alive.set(ws, true);
    // Messages that arrive while the stored state loads are kept, then handled in order.
    let buffered: Uint8Array[] | undefined = [];
    let bufferedBytes = 0;
    ws.on('message', (data: RawData) => {
      const bytes = toBytes(data);
      if (!buffered) return this.sessions.handleMessage(connection, bytes);
      bufferedBytes += bytes.byteLength;
      if (bufferedBytes > 4 * this.maxPayload) return connection.close(CloseCode.MessageTooBig, 'Trop de données');
      buffered.push(bytes);
    });
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (error) => this.logger.warn('sync.socket_error', { docId: roomName, connection: connection.id, error }));
    ws.on('close', (code) => {
      this.alive.delete(ws);
      this.sessions.close(connection);
      this.logger.debug('sync.closed', { docId: roomName, connection: connection.id, code });
    });
    this.sessions.open(connection).then(
      (found) => {
        if (!found) {
          connection.close(CloseCode.DocumentNotFound, 'Document introuvable');
          return;
        }
        const early = buffered ?? [];
        buffered = undefined;
        for (const bytes of early) this.sessions.handleMessage(connection, bytes);
        this.logger.debug('sync.opened', { docId: roomName, connection: connection.id, ack: ackRequested });
      },
      (error: unknown) => {
        this.logger.error('sync.open_failed', { docId: roomName, error });
        connection.close(CloseCode.InternalError, 'Erreur du serveur');
      },
    );
  }

  /**
   * One tick of the liveness ping (the timer calls it): drops the sockets that did not answer the
   * previous tick's ping, pings the others.
   */
  checkLiveness(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}

function parseRequestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * Answers and closes. Whatever the client sent after its request is discarded unread; the socket
 * is destroyed once the client closes its side, or after a short linger (destroying at once,
 * with unread bytes, would reset the connection and could lose the answer).
 */
function refuseUpgrade(socket: Duplex, status: number, text: string, extraHeaders = ''): void {
  if (socket.destroyed) return;
  const linger = setTimeout(() => socket.destroy(), REFUSED_UPGRADE_LINGER_MS);
  linger.unref();
  socket.once('close', () => clearTimeout(linger));
  socket.resume();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${extraHeaders}Content-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
