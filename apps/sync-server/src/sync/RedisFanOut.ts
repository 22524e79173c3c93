import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../logger.js';
import type { FanOut, FanOutListener, OriginUpdate, RoomPeer } from './FanOut.js';
import { InProcessFanOut } from './InProcessFanOut.js';

/** Message kinds, the first byte of every message on a room's channel. */
const UPDATES = 0x55; // 'U', then the room's sequence number in decimal and ':'
const AWARENESS = 0x41; // 'A'
const AWARENESS_QUERY = 0x51; // 'Q'
const RELOAD = 0x52; // 'R'
const DELETED = 0x58; // 'X'
const ACCESS_CHANGED = 0x43; // 'C', on the instances' shared channel (not a room's)
const COLON = 0x3a;

/**
 * Numbers the room's committed batches and publishes one in a single step, so that every
 * subscriber sees the numbers of a room one after another: a number skipped is a batch missed.
 * The counter expires with the room's activity (a reset only costs a reload).
 */
const PUBLISH_UPDATES = `
local seq = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', KEYS[2], 'U' .. seq .. ':' .. ARGV[1])
return seq`;
const SEQUENCE_TTL_MS = 24 * 3600_000;

interface PublishingRedis extends Redis {
  canevasPublishUpdates(sequenceKey: string, channel: string, body: Buffer, ttlMs: number): Promise<number>;
}

export interface RedisFanOutOptions {
  /** `redis://…` (`REDIS_URL`). */
  url: string;
  logger: Logger;
  /** Names this instance in its messages, to skip its own (default: random). */
  instanceId?: string;
  /** Prefix of the channels and keys (default `canevas`): instances share rooms only with the same one. */
  prefix?: string;
}

/**
 * The fan-out of several instances sharing one PostgreSQL store: committed batches are delivered
 * to this instance's connections, then published on the room's Redis channel, numbered (see
 * PUBLISH_UPDATES); the other instances holding the room apply them and relay them to theirs.
 * Redis carries no state: whatever an instance may have missed (a gap in the numbers, Redis
 * restarted, a publish that failed, the room just subscribed) it reloads from the store, which
 * has every committed row (RoomPeer.missed). Awareness crosses the same channels, unnumbered:
 * it is renewed every 15 s by the clients anyway. See docs/adr/0010-several-instances.md.
 */
export class RedisFanOut implements FanOut {
  readonly shared = true;
  readonly instanceId: string;
  private readonly local = new InProcessFanOut();
  private readonly peers = new Map<string, Set<RoomPeer>>();
  /** The last sequence number seen on each subscribed room's channel. */
  private readonly lastSequence = new Map<string, number>();
  /** Rooms whose committed updates could not be published: the others are told to reload. */
  private readonly unpublished = new Set<string>();
  private readonly accessListeners = new Set<() => void>();
  private readonly prefix: string;
  private readonly logger: Logger;
  private closed = false;
  private readonly down = { pub: false, sub: false };

  private constructor(
    private readonly pub: PublishingRedis,
    private readonly sub: Redis,
    options: RedisFanOutOptions,
  ) {
    this.instanceId = options.instanceId ?? randomBytes(6).toString('base64url');
    this.prefix = options.prefix ?? 'canevas';
    this.logger = options.logger;
    this.pub.defineCommand('canevasPublishUpdates', { numberOfKeys: 2, lua: PUBLISH_UPDATES });
    this.sub.on('messageBuffer', this.receive);
    this.watch(this.pub, 'pub', () => this.announceUnpublished());
    this.watch(this.sub, 'sub', () => void this.resubscribe());
  }

  /** Connects both Redis connections (publishing, subscribed); rejects when Redis cannot be reached. */
  static async connect(options: RedisFanOutOptions): Promise<RedisFanOut> {
    // Loaded here, not at import: a single instance never needs ioredis (about 30 MiB).
    const { Redis } = await import('ioredis');
    const common = { lazyConnect: true, connectionName: 'canevas' };
    // Published updates are never queued while Redis is away: the others reload them instead.
    const pub = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 }) as PublishingRedis;
    // Subscriptions made while Redis is away wait for it; they are made again after a restart.
    const sub = new Redis(options.url, { ...common, autoResubscribe: false, maxRetriesPerRequest: null });
    let firstError: Error | undefined;
    const startupErrors = (error: Error) => (firstError ??= error);
    pub.on('error', startupErrors);
    sub.on('error', startupErrors);
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      // The socket's own error (ECONNREFUSED, ENOTFOUND…) says more than « Connection is closed ».
      const cause = firstError ?? (error as Error);
      throw new Error(`Redis est injoignable à ${redactedUrl(options.url)} (REDIS_URL) : ${cause.message}`, { cause: error });
    } finally {
      pub.off('error', startupErrors);
      sub.off('error', startupErrors);
    }
    const fanOut = new RedisFanOut(pub, sub, options);
    await sub.subscribe(fanOut.accessChannel);
    return fanOut;
  }

  publish(room: string, updates: readonly OriginUpdate[]): void {
    this.local.publish(room, updates);
    if (this.closed || updates.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, updates.length);
    for (const { update } of updates) encoding.writeVarUint8Array(encoder, update);
    this.pub
      .canevasPublishUpdates(this.sequenceKey(room), this.channel(room), Buffer.from(encoding.toUint8Array(encoder)), SEQUENCE_TTL_MS)
      .catch(() => {
        // Committed all the same: the others reload it once Redis is back (announceUnpublished).
        this.unpublished.add(room);
      });
  }

  subscribe(room: string, listener: FanOutListener): () => void {
    return this.local.subscribe(room, listener);
  }

  join(room: string, peer: RoomPeer): () => void {
    let peers = this.peers.get(room);
    if (!peers) {
      peers = new Set();
      this.peers.set(room, peers);
      void this.subscribeRooms([room]);
    }
    peers.add(peer);
    return () => {
      const current = this.peers.get(room);
      if (!current?.delete(peer) || current.size > 0) return;
      this.peers.delete(room);
      this.lastSequence.delete(room);
      if (!this.closed) this.sub.unsubscribe(this.channel(room)).catch(() => undefined);
    };
  }

  publishAwareness(room: string, update: Uint8Array): void {
    if (this.closed) return;
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, AWARENESS);
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint8Array(encoder, update);
    // Lost while Redis is away: the clients renew their state every 15 s.
    this.pub.publish(this.channel(room), Buffer.from(encoding.toUint8Array(encoder))).catch(() => undefined);
  }

  publishDeleted(room: string): void {
    if (!this.closed) this.sendRaw(room, DELETED);
  }

  publishAccessChanged(): void {
    if (this.closed) return;
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, ACCESS_CHANGED);
    encoding.writeVarString(encoder, this.instanceId);
    // Lost while Redis is away: every instance re-checks once its subscription is back.
    this.pub.publish(this.accessChannel, Buffer.from(encoding.toUint8Array(encoder))).catch(() => undefined);
  }

  onAccessChanged(listener: () => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /** Whether both connections to Redis are up (`health`). */
  get connected(): boolean {
    return !this.closed && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** For the memory test: the number of rooms subscribed on Redis. */
  get joinedRoomCount(): number {
    return this.peers.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.local.close();
    this.peers.clear();
    this.accessListeners.clear();
    await Promise.all([quit(this.pub), quit(this.sub)]);
  }

  private channel(room: string): string {
    return `${this.prefix}:room:${room}`;
  }

  /** Role and membership changes: one channel for every instance, whatever rooms they hold. */
  private get accessChannel(): string {
    return `${this.prefix}:access`;
  }

  private sequenceKey(room: string): string {
    return `${this.prefix}:seq:${room}`;
  }

  /**
   * Subscribes, then tells the rooms to reload: whatever was committed and published before the
   * subscription took effect is in the store by then, whatever comes after arrives here.
   */
  private async subscribeRooms(rooms: readonly string[]): Promise<void> {
    if (rooms.length === 0) return;
    try {
      await this.sub.subscribe(...rooms.map((room) => this.channel(room)));
    } catch (error) {
      // Only when the connection is closing; a restart subscribes again (resubscribe).
      if (!this.closed) this.logger.warn('redis.subscribe_failed', { rooms: rooms.length, error });
      return;
    }
    for (const room of rooms) {
      const peers = this.peers.get(room);
      if (!peers) continue;
      this.lastSequence.delete(room);
      for (const peer of peers) peer.missed();
      this.sendRaw(room, AWARENESS_QUERY);
    }
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.sub.subscribe(this.accessChannel);
      // A change made while the subscription was down went unheard: check every socket once.
      this.accessChangedElsewhere();
    } catch (error) {
      if (!this.closed) this.logger.warn('redis.subscribe_failed', { rooms: 0, error });
    }
    await this.subscribeRooms([...this.peers.keys()]);
  }

  private accessChangedElsewhere(): void {
    for (const listener of this.accessListeners) listener();
  }

  private announceUnpublished(): void {
    const rooms = [...this.unpublished];
    this.unpublished.clear();
    for (const room of rooms) this.sendRaw(room, RELOAD);
  }

  private sendRaw(room: string, kind: number): void {
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, kind);
    encoding.writeVarString(encoder, this.instanceId);
    this.pub.publish(this.channel(room), Buffer.from(encoding.toUint8Array(encoder))).catch(() => {
      if (kind === RELOAD) this.unpublished.add(room);
    });
  }

  private readonly receive = (channelBytes: Buffer, message: Buffer): void => {
    const channel = channelBytes.toString();
    if (channel === this.accessChannel) return this.receiveAccessChanged(message);
    const room = channel.slice(this.prefix.length + ':room:'.length);
    const peers = this.peers.get(room);
    if (!peers || message.length === 0) return;
    try {
      if (message[0] === UPDATES) this.receiveUpdates(room, peers, message);
      else this.receiveOther(room, peers, message);
    } catch (error) {
      // A malformed message: the store still has everything.
      this.logger.warn('redis.bad_message', { room, error });
      for (const peer of peers) peer.missed();
    }
  };

  private receiveAccessChanged(message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readUint8(decoder) !== ACCESS_CHANGED || decoding.readVarString(decoder) === this.instanceId) return;
    } catch (error) {
      this.logger.warn('redis.bad_message', { channel: this.accessChannel, error });
    }
    // A malformed message too: re-checking costs a few reads, missing a removal costs more.
    this.accessChangedElsewhere();
  }

  private receiveUpdates(room: string, peers: ReadonlySet<RoomPeer>, message: Buffer): void {
    const colon = message.indexOf(COLON, 1);
    const sequence = Number(message.toString('latin1', 1, colon));
    const last = this.lastSequence.get(room);
    this.lastSequence.set(room, sequence);
    const decoder = decoding.createDecoder(message.subarray(colon + 1));
    const from = decoding.readVarString(decoder);
    // A number skipped (or a counter restarted with Redis): some batch never arrived.
    const gap = last !== undefined && sequence !== last + 1;
    if (gap) this.logger.info('redis.sequence_gap', { room, expected: last + 1, received: sequence });
    if (from !== this.instanceId) {
      const count = decoding.readVarUint(decoder);
      const updates: Uint8Array[] = [];
      for (let index = 0; index < count; index++) updates.push(decoding.readVarUint8Array(decoder));
      for (const peer of peers) peer.updates(updates);
    }
    if (gap) for (const peer of peers) peer.missed();
  }

  private receiveOther(room: string, peers: ReadonlySet<RoomPeer>, message: Buffer): void {
    const decoder = decoding.createDecoder(message);
    const kind = decoding.readUint8(decoder);
    const from = decoding.readVarString(decoder);
    if (from === this.instanceId) return;
    if (kind === AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      for (const peer of peers) peer.awareness(update);
    } else if (kind === AWARENESS_QUERY) {
      for (const peer of peers) {
        const update = peer.localAwareness();
        if (update) this.publishAwareness(room, update);
      }
    } else if (kind === RELOAD) {
      for (const peer of peers) peer.missed();
    } else if (kind === DELETED) {
      for (const peer of [...peers]) peer.deleted();
    }
  }

  /** Logs each outage once, and runs `recovered` when the connection is ready again after one. */
  private watch(connection: Redis, name: 'pub' | 'sub', recovered: () => void): void {
    connection.on('error', (error: Error) => {
      if (this.closed || this.down[name]) return;
      this.down[name] = true;
      this.logger.warn('redis.unavailable', { connection: name, error });
    });
    connection.on('close', () => {
      if (this.closed || this.down[name]) return;
      this.down[name] = true;
      this.logger.warn('redis.unavailable', { connection: name });
    });
    connection.on('ready', () => {
      if (this.closed || !this.down[name]) return;
      this.down[name] = false;
      this.logger.info('redis.recovered', { connection: name });
      recovered();
    });
  }
}

async function quit(connection: Redis): Promise<void> {
  try {
    if (connection.status === 'ready') await connection.quit();
  } catch {
    // Closing anyway.
  } finally {
    connection.disconnect();
  }
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
}
