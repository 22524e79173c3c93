import type { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import * as ws from 'ws';
import { PreparedFrame, binaryFrame } from './PreparedFrame.js';

// ws's own frame parser (exported at run time, untyped by @types/ws).
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable };

it('frames messages of every length class exactly as a WebSocket client reads them', async () => {
  // A client-side receiver: server frames are unmasked.
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  const received: Buffer[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(true);
    received.push(data);
  });
  const lengths = [0, 1, 125, 126, 65_535, 65_536, 300_000];
  const payloads = lengths.map((length) => Uint8Array.from({ length }, (_, index) => (index * 31 + length) % 256));
  for (const payload of payloads) receiver.write(binaryFrame(payload));
  await new Promise((resolve) => setImmediate(resolve));
  expect(received.map((data) => data.byteLength)).toEqual(lengths);
  // Buffer.compare, not toEqual: a deep equality walks 300,000 elements one by one, seconds of
  // CPU that a loaded machine turns into a timeout.
  expect(received.map((data, index) => Buffer.compare(data, payloads[index]!))).toEqual(lengths.map(() => 0));
  expect(binaryFrame(new Uint8Array(126)).subarray(0, 4)).toEqual(Buffer.from([0x82, 126, 0, 126]));
});

it('builds the wire bytes once, on first use', () => {
  const frame = new PreparedFrame(new Uint8Array([0, 2, 1, 9]));
  expect(frame.wire).toBe(frame.wire);
  expect([...frame.wire]).toEqual([0x82, 4, 0, 2, 1, 9]);
});
