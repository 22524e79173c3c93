import { isUtf8 } from 'node:buffer';

/**
 * Whether `update` reads to its last byte as a Yjs update (format V1): every struct header,
 * every content (strings checked as UTF-8 as lib0 decodes them, JSON parsed, `any` values
 * walked) and the delete set. Allocation-free except for the JSON contents, so far cheaper than
 * `Y.applyUpdate` or even `Y.encodeStateVectorFromUpdate`, which build every struct.
 *
 * Only a `true` is used to skip work: when this returns false, the caller applies the update with
 * Yjs, whose verdict stands. What it vouches for is that Yjs decodes the bytes; it does not check
 * what only integration reveals (an origin or parent id altered to point inside the update at
 * something that is not there), as `Y.encodeStateVectorFromUpdate` does not either.
 */
export function isReadableUpdate(update: Uint8Array): boolean {
  try {
    const reader = new Reader(update);
    const clients = reader.uint();
    for (let c = 0; c < clients; c++) {
      const structs = reader.uint();
      reader.uint(); // client
      reader.uint(); // first clock
      for (let s = 0; s < structs; s++) readStruct(reader);
    }
    const deleteClients = reader.uint();
    for (let c = 0; c < deleteClients; c++) {
      reader.uint(); // client
      const ranges = reader.uint();
      for (let r = 0; r < ranges; r++) {
        reader.uint(); // clock
        reader.uint(); // length
      }
    }
    return reader.atEnd();
  } catch {
    return false;
  }
}

class Unreadable extends Error {}

/** The bits of a struct's info byte (see Yjs' Item.write). */
const CONTENT_REF = 0b11111;
const HAS_PARENT_SUB = 0b100000;
const HAS_RIGHT_ORIGIN = 0b1000000;
const HAS_ORIGIN = 0b10000000;

function readStruct(reader: Reader): void {
  const info = reader.byte();
  const ref = info & CONTENT_REF;
  if (ref === 0 || ref === 10) {
    reader.uint(); // GC or Skip: a length
    return;
  }
  if (info & HAS_ORIGIN) reader.id();
  if (info & HAS_RIGHT_ORIGIN) reader.id();
  if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
    // Neither origin: the parent is written, as a root type's name or as an item id.
    if (reader.uint() === 1) reader.skipString();
    else reader.id();
    if (info & HAS_PARENT_SUB) reader.skipString();
  }
  readContent(reader, ref);
}

function readContent(reader: Reader, ref: number): void {
  switch (ref) {
    case 1: // deleted: a length
      reader.uint();
      return;
    case 2: {
      // JSON: each value a JSON string, or "undefined"
      const count = reader.uint();
      for (let i = 0; i < count; i++) {
        const text = reader.string();
        if (text !== 'undefined') JSON.parse(text);
      }
      return;
    }
    case 3: // binary
      reader.skipBytes();
      return;
    case 4: // string
      reader.skipString();
      return;
    case 5: // embed: JSON
      JSON.parse(reader.string());
      return;
    case 6: // format: key, JSON value
      reader.skipString();
      JSON.parse(reader.string());
      return;
    case 7: {
      // type: its kind, and a name for XML elements and hooks
      const kind = reader.uint();
      if (kind > 6) throw new Unreadable();
      if (kind === 3 || kind === 5) reader.skipString();
      return;
    }
    case 8: {
      // any: a count of values
      const count = reader.uint();
      for (let i = 0; i < count; i++) readAny(reader, 0);
      return;
    }
    default:
      // 9, subdocuments (unused here): Yjs may still refuse their options, so let Yjs decide.
      throw new Unreadable();
  }
}

/** lib0's `writeAny` encoding: a type byte (127 down to 116), then the value. */
function readAny(reader: Reader, depth: number): void {
  if (depth > 1000) throw new Unreadable();
  switch (reader.byte()) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // varint
      reader.int();
      return;
    case 124: // float32
      reader.skip(4);
      return;
    case 123: // float64
    case 122: // bigint64
      reader.skip(8);
      return;
    case 119: // string
      reader.skipString();
      return;
    case 116: // Uint8Array
      reader.skipBytes();
      return;
    case 118: {
      // object: count, then key and value pairs
      const count = reader.uint();
      for (let i = 0; i < count; i++) {
        reader.skipString();
        readAny(reader, depth + 1);
      }
      return;
    }
    case 117: {
      // array
      const count = reader.uint();
      for (let i = 0; i < count; i++) readAny(reader, depth + 1);
      return;
    }
    default:
      throw new Unreadable();
  }
}

/** As lib0 decodes Yjs strings: invalid UTF-8 throws. */
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class Reader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  atEnd(): boolean {
    return this.position === this.bytes.length;
  }

  byte(): number {
    if (this.position >= this.bytes.length) throw new Unreadable();
    return this.bytes[this.position++]!;
  }

  /** An unsigned varint, refused beyond 2^53 as lib0 does. */
  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (value > Number.MAX_SAFE_INTEGER) throw new Unreadable();
    }
  }

  /** A signed varint (sign in the first byte's 0x40 bit). */
  int(): void {
    let byte = this.byte();
    let scale = 64;
    while (byte >= 0x80) {
      byte = this.byte();
      scale *= 128;
      if (scale > 2 ** 60) throw new Unreadable();
    }
  }

  id(): void {
    this.uint();
    this.uint();
  }

  skip(count: number): void {
    if (this.position + count > this.bytes.length) throw new Unreadable();
    this.position += count;
  }

  /** A length-prefixed byte string. */
  skipBytes(): void {
    this.skip(this.uint());
  }

  /** A length-prefixed string, which lib0 refuses unless it is valid UTF-8. */
  skipString(): void {
    const length = this.uint();
    const start = this.position;
    this.skip(length);
    if (!isUtf8(this.bytes.subarray(start, start + length))) throw new Unreadable();
  }

  string(): string {
    const length = this.uint();
    const start = this.position;
    this.skip(length);
    return textDecoder.decode(this.bytes.subarray(start, start + length));
  }
}
