/**
 * A sync message together with the WebSocket frame that carries it from the server: binary, final,
 * unmasked (RFC 6455 §5.2: servers never mask), so the same bytes suit every recipient. Built on
 * first use, once per update per turn, instead of once per recipient by `ws`.
 */
export class PreparedFrame {
  private wireBytes: Buffer | undefined;

  constructor(readonly message: Uint8Array) {}

  get wire(): Buffer {
    this.wireBytes ??= binaryFrame(this.message);
    return this.wireBytes;
  }
}

/** RFC 6455 framing of one unfragmented binary message sent by a server. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  // FIN + opcode 2 (binary).
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}
