import * as Y from 'yjs';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((char, i) => [char, i]));

// Hand-written so that the same code runs in the browser and in Node without Buffer or btoa.
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]!;
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of clean) {
    const value = LOOKUP.get(char);
    if (value === undefined) throw new SyntaxError(`base64 invalide : « ${char} »`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** A `Y.RelativePosition` as base64, to store in an anchor. */
export function encodeRelPos(position: Y.RelativePosition): string {
  return bytesToBase64(Y.encodeRelativePosition(position));
}

export function decodeRelPos(encoded: string): Y.RelativePosition {
  return Y.decodeRelativePosition(base64ToBytes(encoded));
}
