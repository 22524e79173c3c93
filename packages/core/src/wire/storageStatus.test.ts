import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { MESSAGE_STORAGE_STATUS, decodeStorageStatusPayload, encodeStorageStatus, type StorageStatus } from './storageStatus.js';

/** Splits a server frame as a client does: its type, then the wrapped payload. */
function unwrap(frame: Uint8Array): { type: number; payload: Uint8Array; rest: boolean } {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  return { type, payload, rest: decoding.hasContent(decoder) };
}

describe('storage status message (type 101)', () => {
  it.each<StorageStatus>([
    { state: 'failing', kind: 'full', retryInMs: 4000 },
    { state: 'failing', kind: 'busy', retryInMs: 100 },
    { state: 'failing', kind: 'readonly', retryInMs: 10_000 },
    { state: 'failing', kind: 'other', retryInMs: 0 },
    { state: 'writable' },
  ])('round-trips %o in one wrapped payload', (status) => {
    const { type, payload, rest } = unwrap(encodeStorageStatus(status));
    expect(type).toBe(MESSAGE_STORAGE_STATUS);
    expect(rest).toBe(false);
    expect(decodeStorageStatusPayload(payload)).toEqual(status);
  });

  it('reads an unknown kind as other, and rejects an unknown state or a truncated payload', () => {
    const { payload } = unwrap(encodeStorageStatus({ state: 'failing', kind: 'full', retryInMs: 250 }));
    const renamed = new Uint8Array(payload);
    // The kind string « full » sits after the state byte and its length byte.
    renamed.set([0x66, 0x75, 0x7a, 0x7a], 2); // « fuzz »
    expect(decodeStorageStatusPayload(renamed)).toEqual({ state: 'failing', kind: 'other', retryInMs: 250 });
    const unknownState = new Uint8Array(payload);
    unknownState[0] = 7;
    expect(() => decodeStorageStatusPayload(unknownState)).toThrow(/unknown storage state 7/);
    expect(() => decodeStorageStatusPayload(payload.slice(0, 3))).toThrow();
  });

  it('carries the maximum size of a quota refusal, and skips fields it does not know', () => {
    const quota: StorageStatus = { state: 'failing', kind: 'quota', retryInMs: 0, maxBytes: 16 * 1024 * 1024 };
    expect(decodeStorageStatusPayload(unwrap(encodeStorageStatus(quota)).payload)).toEqual(quota);
    // A newer server may append fields to another kind: they are not a size.
    const { payload } = unwrap(encodeStorageStatus({ state: 'failing', kind: 'busy', retryInMs: 200, maxBytes: 9 }));
    expect(decodeStorageStatusPayload(payload)).toEqual({ state: 'failing', kind: 'busy', retryInMs: 200 });
  });
});
