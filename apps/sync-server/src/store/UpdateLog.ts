import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as encoding from 'lib0/encoding';

/**
 * An append-only file of Yjs updates, in front of the SQLite snapshots.
 *
 * Why: a SQLite commit writes whole 4 KiB pages (the log row's leaf, its index leaf, the row
 * counter, the document row), so a 20-byte keystroke cost ~16 KiB on disk, and the commit ran in
 * the turn that relays. Here a turn's updates become ONE `write()` of a checksummed frame; the
 * kernel writes each page of the file once. Snapshots stay in SQLite: the engine folds a room's
 * entries into its snapshot by size, then {@link drop}s them.
 *
 * Durability is SQLite's with the same `synchronous` setting: without `sync`, what `write()`
 * accepted survives a crash of the process (WAL + NORMAL); with `sync`, `fdatasync` after every
 * frame also survives a power loss (FULL). A frame is written whole or found torn at the next
 * start and ignored, with what follows it: a batch is stored entirely or not at all.
 *
 * Files: `<dir>/<n>.log`, numbered in order; the one being appended is the last. A file is
 * deleted once none of its entries is live; a full one is sealed and the store moves its live
 * entries into SQLite rows ({@link sealedSegments}). The server imports every file left by a
 * previous process at start (see {@link readLogFolder}), so one process only indexes its own.
 *
 * File format: the 8-byte magic `CNVLOG02` and a random u32le `seed`, then frames
 * `varUint(length) u32le(crc32(payload, seed)) payload`. A payload is records `varUint(tag)`: an
 * odd tag `2·id + 1` names a room (`varString(name)`) for the rest of the file; an even tag
 * `2·id` is an update of room `id` (`varUint8Array(update)`). The seed is secret to the data
 * folder, so text typed into a document cannot pose as a frame when a reader resynchronises
 * after damage (see {@link parseLogFile}). Files `CNVLOG01` (no seed) are still read.
 */
export class UpdateLog {
  private readonly dir: string;
  private readonly sync: boolean;
  /** Refuse frames that would make the files larger than this (a full disk, on purpose). */
  private quotaBytes: number;
  private readonly segmentBytes: number;
  private active: Segment | undefined;
  private readonly segments: Segment[] = [];
  private readonly byRoom = new Map<string, Entry[]>();
  private nextSegment: number;
  private lastSeq: number;
  private totalBytes = 0;

  /**
   * The folder must hold no log file (the caller imported them, see {@link readLogFolder}).
   * Sequence numbers continue from `afterSeq`, above every row id the store already holds.
   */
  constructor(options: UpdateLogOptions) {
    this.dir = options.dir;
    this.sync = options.sync ?? false;
    this.quotaBytes = options.quotaBytes ?? Number.POSITIVE_INFINITY;
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.lastSeq = options.afterSeq;
    mkdirSync(this.dir, { recursive: true });
    const existing = listLogFiles(this.dir);
    if (existing.length > 0) throw new Error(`The update log ${this.dir} still holds ${existing.length} file(s) to import first.`);
    this.nextSegment = options.firstSegment ?? 1;
  }

  /** Bytes in the log files, headers included. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Changes the quota (an administrator's limit, or a test that fills the disk). */
  setQuota(bytes: number): void {
    this.quotaBytes = bytes;
  }

  /**
   * Appends a batch as one frame; returns the sequence number of each update. Throws with the
   * system error (ENOSPC, EIO…) when the frame could not be written: nothing of it counts then.
   */
  append(batch: readonly LogUpdate[]): number[] {
    if (batch.length === 0) return [];
    const segment = this.active ?? this.openSegment();
    const encoder = encoding.createEncoder();
    const named = new Map<string, number>();
    const placed: { room: string; position: number; length: number }[] = [];
    for (const { room, update } of batch) {
      let id = segment.roomIds.get(room) ?? named.get(room);
      if (id === undefined) {
        id = segment.roomIds.size + named.size;
        named.set(room, id);
        encoding.writeVarUint(encoder, id * 2 + 1);
        encoding.writeVarString(encoder, room);
      }
      encoding.writeVarUint(encoder, id * 2);
      encoding.writeVarUint(encoder, update.byteLength);
      placed.push({ room, position: encoding.length(encoder), length: update.byteLength });
      encoding.writeUint8Array(encoder, update);
    }
    const payload = encoding.toUint8Array(encoder);
    const header = frameHeader(payload, segment.seed);
    if (this.totalBytes + header.byteLength + payload.byteLength > this.quotaBytes) {
      throw Object.assign(new Error(`The update log would exceed its quota of ${this.quotaBytes} bytes.`), { code: 'ENOSPC' });
    }
    this.writeFrame(segment, header, payload);
    for (const [room, id] of named) segment.roomIds.set(room, id);
    const start = segment.size + header.byteLength;
    const seqs: number[] = [];
    for (const { room, position, length } of placed) {
      const seq = ++this.lastSeq;
      seqs.push(seq);
      let entries = this.byRoom.get(room);
      if (!entries) this.byRoom.set(room, (entries = []));
      entries.push({ seq, segment, offset: start + position, length });
      segment.live++;
    }
    segment.size += header.byteLength + payload.byteLength;
    this.totalBytes += header.byteLength + payload.byteLength;
    if (segment.size >= this.segmentBytes) this.seal(segment);
    return seqs;
  }

  /** The live entries of a room, oldest first, read back from the files. */
  entries(room: string): LogEntry[] {
    const entries = this.byRoom.get(room);
    if (!entries) return [];
    return entries.map((entry) => ({ seq: entry.seq, update: readEntry(entry) }));
  }

  /** Count and bytes of a room's live entries. */
  sizeOf(room: string): { entries: number; bytes: number } {
    const entries = this.byRoom.get(room) ?? [];
    return { entries: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.length, 0) };
  }

  /** Rooms that have live entries. */
  rooms(): string[] {
    return [...this.byRoom.keys()];
  }

  /**
   * Forgets a room's entries up to `upToSeq` (all of them by default): they are now in a stored
   * snapshot or in SQLite rows. Files left without a live entry are deleted.
   */
  drop(room: string, upToSeq = Number.POSITIVE_INFINITY): void {
    const entries = this.byRoom.get(room);
    if (!entries) return;
    const kept = entries.filter((entry) => entry.seq > upToSeq);
    for (const entry of entries) if (entry.seq <= upToSeq) entry.segment.live--;
    if (kept.length > 0) this.byRoom.set(room, kept);
    else this.byRoom.delete(room);
    this.deleteEmptySegments();
  }

  /**
   * Full files that still hold live entries, oldest first, with those entries: the store copies
   * them into SQLite rows, then calls {@link forgetSegment}.
   */
  sealedSegments(): SealedSegment[] {
    const sealed: SealedSegment[] = [];
    for (const segment of this.segments) {
      if (segment === this.active) continue;
      const entries: SealedSegment['entries'] = [];
      for (const [room, roomEntries] of this.byRoom) {
        for (const entry of roomEntries) if (entry.segment === segment) entries.push({ room, seq: entry.seq, update: readEntry(entry) });
      }
      entries.sort((a, b) => a.seq - b.seq);
      sealed.push({ id: segment.number, entries });
    }
    return sealed;
  }

  /** The entries of a sealed file are stored elsewhere now: forget them and delete the file. */
  forgetSegment(id: number): void {
    const segment = this.segments.find((candidate) => candidate.number === id);
    if (!segment || segment === this.active) return;
    for (const [room, entries] of this.byRoom) {
      const kept = entries.filter((entry) => entry.segment !== segment);
      if (kept.length === entries.length) continue;
      if (kept.length > 0) this.byRoom.set(room, kept);
      else this.byRoom.delete(room);
    }
    segment.live = 0;
    this.deleteEmptySegments();
  }

  /** Closes the files; those with live entries stay on disk for the next start to import. */
  close(): void {
    for (const segment of this.segments) {
      closeQuietly(segment.fd);
      if (segment.live > 0) continue;
      try {
        unlinkSync(segment.path);
      } catch {
        // Already gone.
      }
    }
    this.segments.length = 0;
    this.active = undefined;
    this.byRoom.clear();
  }

  private openSegment(): Segment {
    const number = this.nextSegment++;
    const path = join(this.dir, segmentName(number));
    const fd = openSync(path, 'wx+');
    const seed = randomBytes(4).readUInt32LE(0);
    const segment: Segment = { number, path, fd, size: 0, live: 0, roomIds: new Map(), seed };
    const header = new Uint8Array(HEADER_BYTES);
    header.set(MAGIC, 0);
    new DataView(header.buffer).setUint32(MAGIC.byteLength, seed, true);
    try {
      this.writeAll(fd, header, 0);
      if (this.sync) {
        fdatasyncSync(fd);
        // The new file's directory entry must survive a power loss too.
        const dirFd = openSync(this.dir, 'r');
        try {
          fsyncSync(dirFd);
        } finally {
          closeSync(dirFd);
        }
      }
    } catch (error) {
      closeQuietly(fd);
      try {
        unlinkSync(path);
      } catch {
        // Empty or partial header: the import skips such a file.
      }
      throw error;
    }
    segment.size = HEADER_BYTES;
    this.totalBytes += HEADER_BYTES;
    this.segments.push(segment);
    this.active = segment;
    return segment;
  }

  private writeFrame(segment: Segment, header: Uint8Array, payload: Uint8Array): void {
    const frame = new Uint8Array(header.byteLength + payload.byteLength);
    frame.set(header, 0);
    frame.set(payload, header.byteLength);
    try {
      this.writeAll(segment.fd, frame, segment.size);
      if (this.sync) fdatasyncSync(segment.fd);
    } catch (error) {
      try {
        // A frame cut short would read as torn: remove it, so that later frames stay readable.
        ftruncateSync(segment.fd, segment.size);
      } catch {
        // Leave the torn frame at the end of this file: the next frame starts a new file.
        this.seal(segment);
      }
      throw error;
    }
  }

  private writeAll(fd: number, bytes: Uint8Array, position: number): void {
    let written = 0;
    while (written < bytes.byteLength) {
      written += writeSync(fd, bytes, written, bytes.byteLength - written, position + written);
    }
  }

  private seal(segment: Segment): void {
    if (this.active === segment) this.active = undefined;
    this.deleteEmptySegments();
  }

  private deleteEmptySegments(): void {
    for (let index = this.segments.length - 1; index >= 0; index--) {
      const segment = this.segments[index]!;
      // The file being appended stays, unless it has grown for nothing.
      if (segment.live > 0 || (segment === this.active && segment.size < this.segmentBytes / 4)) continue;
      if (segment === this.active) this.active = undefined;
      closeQuietly(segment.fd);
      try {
        unlinkSync(segment.path);
      } catch {
        // Already gone, or a read-only folder: the next start imports nothing from it anyway.
      }
      this.totalBytes -= segment.size;
      this.segments.splice(index, 1);
    }
  }
}

export interface UpdateLogOptions {
  dir: string;
  /** fdatasync after every frame (SQLite's `synchronous = FULL`). */
  sync?: boolean;
  /** Sequence numbers start after this. */
  afterSeq: number;
  /** Number of the first file (after the ones a previous process left). */
  firstSegment?: number;
  quotaBytes?: number;
  /** A file is sealed once it reaches this size (default 16 MiB). */
  segmentBytes?: number;
}

export interface LogUpdate {
  room: string;
  update: Uint8Array;
}

export interface LogEntry {
  seq: number;
  update: Uint8Array;
}

export interface SealedSegment {
  id: number;
  entries: { room: string; seq: number; update: Uint8Array }[];
}

/** What a folder of log files holds, read without writing anything. */
export interface LogFolderContents {
  /** Every update of every readable frame, in the order written. */
  updates: LogUpdate[];
  files: { path: string; number: number; modifiedAt: number; damaged: boolean; damage?: LogDamage }[];
  /** Number to give the next file. */
  nextSegment: number;
}

/** What a damaged file lost and what was read around the damage. */
export interface LogDamage {
  /** Unreadable byte ranges `[from, to)`; reading resumed at `to` (the file's size: nothing after checked out). */
  ranges: { from: number; to: number }[];
  skippedBytes: number;
  /** Frames in the unreadable ranges, when their lengths still chain up; `undefined` when a length was damaged too. */
  skippedFrames: number | undefined;
  /** Whole frames read after the first damaged byte, imported. */
  recoveredFrames: number;
  /** Updates of whole frames whose document was named in unreadable bytes: they cannot be placed. */
  unplacedUpdates: number;
}

/**
 * Reads every log file of a folder (the server's at start, or a running server's for a backup or
 * a command that reads documents). A frame cut by a crash or a power loss ends its file; after a
 * damaged one, reading resumes at the next frame that checks out (see {@link parseLogFile}).
 */
export function readLogFolder(dir: string): LogFolderContents {
  const contents: LogFolderContents = { updates: [], files: [], nextSegment: 1 };
  if (!existsSync(dir)) return contents;
  for (const { name, number } of listLogFiles(dir)) {
    const path = join(dir, name);
    let bytes: Uint8Array;
    let modifiedAt: number;
    try {
      bytes = readFileSync(path);
      modifiedAt = statSync(path).mtimeMs;
    } catch (error) {
      // Deleted by a running server meanwhile: its entries are in the database by then.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const { updates, damage } = parseLogFile(bytes);
    contents.updates.push(...updates);
    contents.files.push({ path, number, modifiedAt, damaged: damage !== undefined, ...(damage && { damage }) });
    contents.nextSegment = Math.max(contents.nextSegment, number + 1);
  }
  return contents;
}

/**
 * After an import, removes the files read; a damaged one is kept aside (`.log.endommage`) for the
 * administrator, since its unreadable bytes may still hold edits.
 */
export function removeImportedFiles(contents: LogFolderContents): void {
  for (const file of contents.files) {
    if (file.damaged) renameSync(file.path, damagedCopyOf(file.path));
    else unlinkSync(file.path);
  }
}

export function damagedCopyOf(path: string): string {
  return `${path}.endommage`;
}

/** One French line for the administrator: which file, which bytes, what was lost and kept. */
export function describeLogDamage(path: string, damage: LogDamage): string {
  const ranges = damage.ranges.map(({ from, to }) => `${from}–${to}`).join(', ');
  const frames = damage.skippedFrames === undefined ? 'un nombre inconnu de trames' : `${damage.skippedFrames} trame(s)`;
  const unplaced = damage.unplacedUpdates > 0 ? `, ${damage.unplacedUpdates} modification(s) d’un document nommé dans la partie illisible ne peuvent pas être replacées` : '';
  return `Journal des modifications endommagé : ${path}, octets ${ranges} illisibles (${damage.skippedBytes} octets, ${frames} perdues) ; ${damage.recoveredFrames} trame(s) intactes lues après${unplaced}.`;
}

/**
 * The updates of a file's readable frames, and what damage was found (`undefined`: none; a frame
 * cut short at the end by a crash is not damage).
 *
 * After a damaged frame (checksum, length or records wrong), reading resumes at the next position
 * where a frame checks out: a length that fits, well-formed records, the checksum, and then either
 * the end of the file or another frame that checks out. A checksum matches by chance once in 2³²
 * positions and the next frame must match too; the checksum's seed is secret, so typed text cannot
 * be made to match. Rooms are named once per file: updates of a room named in the damaged bytes are
 * counted, not placed.
 */
export function parseLogFile(bytes: Uint8Array): { updates: LogUpdate[]; damage: LogDamage | undefined } {
  const updates: LogUpdate[] = [];
  const header = readHeader(bytes);
  if (header === 'empty') return { updates, damage: undefined };
  const damage: LogDamage = { ranges: [], skippedBytes: 0, skippedFrames: 0, recoveredFrames: 0, unplacedUpdates: 0 };
  const names = new Map<number, string>();
  let { offset } = header;
  const { seed } = header;
  if (header.damaged) {
    // Only the magic can be told wrong; the seed after it may be intact, and frames check out then.
    const next = resynchronise(bytes, offset, seed);
    const to = next ?? bytes.byteLength;
    damage.ranges.push({ from: 0, to });
    damage.skippedBytes = to;
    damage.skippedFrames = undefined;
    offset = to;
  }
  while (offset < bytes.byteLength) {
    const frame = readFrame(bytes, offset, seed);
    const records = typeof frame === 'string' ? undefined : readRecords(frame.payload);
    if (typeof frame !== 'string' && records !== undefined) {
      for (const record of records) {
        if (record.name !== undefined) names.set(record.id, record.name);
        else {
          const room = names.get(record.id);
          if (room === undefined) damage.unplacedUpdates++;
          // A copy: the file's buffer is not kept alive by one small update.
          else updates.push({ room, update: new Uint8Array(record.update!) });
        }
      }
      if (damage.ranges.length > 0) damage.recoveredFrames++;
      offset = frame.end;
      continue;
    }
    const next = resynchronise(bytes, offset + 1, seed);
    // Torn, and nothing whole after it: the frame a crash or a power loss cut short.
    if (frame === 'torn' && next === undefined) break;
    const to = next ?? bytes.byteLength;
    damage.ranges.push({ from: offset, to });
    damage.skippedBytes += to - offset;
    const frames = damage.skippedFrames === undefined ? undefined : framesBetween(bytes, offset, to);
    damage.skippedFrames = frames === undefined || damage.skippedFrames === undefined ? undefined : damage.skippedFrames + frames;
    offset = to;
  }
  return { updates, damage: damage.ranges.length > 0 || damage.unplacedUpdates > 0 ? damage : undefined };
}

const MAGIC = new TextEncoder().encode('CNVLOG02');
/** Files written before the seed: checksums start from 0. */
const MAGIC_V1 = new TextEncoder().encode('CNVLOG01');
const HEADER_BYTES = MAGIC.byteLength + 4;
const DEFAULT_SEGMENT_BYTES = 16 * 1024 * 1024;
const LOG_FILE = /^(\d{6,})\.log$/;

interface Segment {
  number: number;
  path: string;
  fd: number;
  size: number;
  /** Entries of this file still indexed. */
  live: number;
  roomIds: Map<string, number>;
  /** Initial value of the frames' checksums. */
  seed: number;
}

interface Entry {
  seq: number;
  segment: Segment;
  offset: number;
  length: number;
}

function segmentName(number: number): string {
  return `${String(number).padStart(6, '0')}.log`;
}

function listLogFiles(dir: string): { name: string; number: number }[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: LOG_FILE.exec(name) }))
    .filter((file): file is { name: string; match: RegExpExecArray } => file.match !== null)
    .map(({ name, match }) => ({ name, number: Number(match[1]) }))
    .sort((a, b) => a.number - b.number);
}

function frameHeader(payload: Uint8Array, seed: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, payload.byteLength);
  encoding.writeUint32(encoder, crc32(payload, seed));
  return encoding.toUint8Array(encoder);
}

/**
 * The frame at `offset`: whole, `torn` (the file ends inside it: cut by a crash or a power loss)
 * or `damaged` (it could have been whole, and its length or checksum is wrong).
 */
function readFrame(bytes: Uint8Array, offset: number, seed: number): { payload: Uint8Array; end: number } | 'torn' | 'damaged' {
  const length = readVarUint(bytes, offset, bytes.byteLength);
  if (length === 'short') return 'torn';
  if (length === undefined) return 'damaged';
  const payloadStart = length.next + 4;
  const end = payloadStart + length.value;
  if (end > bytes.byteLength) return 'torn';
  // A batch is never empty: an empty frame is zeros where a frame should be.
  if (length.value === 0) return 'damaged';
  const position = length.next;
  const checksum = (bytes[position]! | (bytes[position + 1]! << 8) | (bytes[position + 2]! << 16) | (bytes[position + 3]! << 24)) >>> 0;
  const payload = bytes.subarray(payloadStart, end);
  if (crc32(payload, seed) !== checksum) return 'damaged';
  return { payload, end };
}

interface LogRecord {
  id: number;
  name?: string;
  update?: Uint8Array;
}

/** The records of a payload, or `undefined` when they do not fill it exactly. */
function readRecords(payload: Uint8Array): LogRecord[] | undefined {
  const records: LogRecord[] = [];
  let position = 0;
  while (position < payload.byteLength) {
    const tag = readVarUint(payload, position, payload.byteLength);
    if (tag === undefined || tag === 'short') return undefined;
    const length = readVarUint(payload, tag.next, payload.byteLength);
    if (length === undefined || length === 'short') return undefined;
    const end = length.next + length.value;
    if (end > payload.byteLength) return undefined;
    const id = Math.floor(tag.value / 2);
    const content = payload.subarray(length.next, end);
    if (tag.value % 2 === 1) {
      const name = decodeUtf8(content);
      if (name === undefined) return undefined;
      records.push({ id, name });
    } else {
      records.push({ id, update: content });
    }
    position = end;
  }
  return records;
}

/**
 * The first position from `from` where a frame checks out (with its records) and is followed by
 * the end of the file or by another frame that checks out.
 */
function resynchronise(bytes: Uint8Array, from: number, seed: number): number | undefined {
  for (let position = from; position < bytes.byteLength; position++) {
    const frame = checkedFrame(bytes, position, seed);
    if (frame === undefined) continue;
    if (frame.end === bytes.byteLength || checkedFrame(bytes, frame.end, seed) !== undefined) return position;
  }
  return undefined;
}

/** The end of the frame at `position` if it checks out, its records before its checksum (cheaper). */
function checkedFrame(bytes: Uint8Array, position: number, seed: number): { end: number } | undefined {
  const length = readVarUint(bytes, position, bytes.byteLength);
  if (typeof length !== 'object' || length.value === 0) return undefined;
  const payloadStart = length.next + 4;
  if (payloadStart + length.value > bytes.byteLength) return undefined;
  if (readRecords(bytes.subarray(payloadStart, payloadStart + length.value)) === undefined) return undefined;
  const frame = readFrame(bytes, position, seed);
  return typeof frame === 'string' ? undefined : frame;
}

/** How many frames fill `[from, to)` going by their lengths alone, or `undefined` if they do not. */
function framesBetween(bytes: Uint8Array, from: number, to: number): number | undefined {
  let count = 0;
  for (let position = from; position < to; count++) {
    const length = readVarUint(bytes, position, to);
    if (length === undefined || length === 'short') return undefined;
    position = length.next + 4 + length.value;
    if (position > to) return undefined;
  }
  return count;
}

/** lib0's varUint, bounded: `short` when `end` cuts it, `undefined` when longer than 5 bytes. */
function readVarUint(bytes: Uint8Array, offset: number, end: number): { value: number; next: number } | 'short' | undefined {
  let value = 0;
  let shift = 1;
  let position = offset;
  for (;;) {
    if (position >= end) return 'short';
    if (position - offset >= 5) return undefined;
    const byte = bytes[position++]!;
    value += (byte & 0x7f) * shift;
    if (byte < 0x80) return { value, next: position };
    shift *= 128;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The first frame's offset and the checksums' seed; `empty` for a file cut while being created;
 * `damaged` when the magic is wrong (then the seed is read where it would be).
 */
function readHeader(bytes: Uint8Array): { offset: number; seed: number; damaged: boolean } | 'empty' {
  if (startsWith(bytes, MAGIC_V1)) return { offset: MAGIC_V1.byteLength, seed: 0, damaged: false };
  if (bytes.byteLength < HEADER_BYTES && (isPrefixOf(bytes, MAGIC) || isPrefixOf(bytes, MAGIC_V1))) return 'empty';
  const seed = bytes.byteLength < HEADER_BYTES ? 0 : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.byteLength, true);
  return { offset: Math.min(HEADER_BYTES, bytes.byteLength), seed, damaged: !startsWith(bytes, MAGIC) };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.byteLength >= prefix.byteLength && prefix.every((byte, index) => bytes[index] === byte);
}

/** A file cut before its header was whole: `bytes` begin the magic (the seed may be partly there). */
function isPrefixOf(bytes: Uint8Array, magic: Uint8Array): boolean {
  return bytes.subarray(0, magic.byteLength).every((byte, index) => magic[index] === byte);
}

function readEntry(entry: Entry): Uint8Array {
  const update = new Uint8Array(entry.length);
  let read = 0;
  while (read < entry.length) {
    const count = readSync(entry.segment.fd, update, read, entry.length - read, entry.offset + read);
    if (count === 0) throw new Error(`The update log ${entry.segment.path} ends before an entry it indexes.`);
    read += count;
  }
  return update;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
}
