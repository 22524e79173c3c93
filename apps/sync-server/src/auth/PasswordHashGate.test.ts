import { describe, expect, it } from 'vitest';
import { PasswordHashBusyError, PasswordHashGate } from './PasswordHashGate.js';

/** A hash that finishes when the test says so. */
function heldHash() {
  let finish = () => {};
  const done = new Promise<string>((resolve) => (finish = () => resolve('haché')));
  let started = false;
  return {
    run: () => {
      started = true;
      return done;
    },
    get started() {
      return started;
    },
    finish: () => finish(),
  };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof PasswordHashBusyError ? error.reason : String(error)));

describe('PasswordHashGate', () => {
  it('runs a bounded number of hashes, queues a bounded number in order, and refuses the rest at once', async () => {
    const gate = new PasswordHashGate({ maxConcurrent: 2, maxQueued: 2, perAddress: 10 });
    const hashes = Array.from({ length: 5 }, heldHash);
    const results = hashes.map((hash, i) => refusal(gate.run(`10.0.0.${i}`, hash.run)));
    expect(await results[4]).toBe('server_busy');
    await Promise.resolve();
    expect(hashes.map((hash) => hash.started)).toEqual([true, true, false, false, false]);
    expect(gate.stats()).toEqual({ running: 2, queued: 2 });

    hashes[1]!.finish();
    expect(await results[1]).toBe('accepted');
    // The freed slot goes to the first in line, not to a newcomer.
    await Promise.resolve();
    expect(hashes.map((hash) => hash.started)).toEqual([true, true, true, false, false]);
    const late = refusal(gate.run('10.0.0.8', async () => 'x'));
    expect(gate.stats()).toEqual({ running: 2, queued: 2 });
    expect(await refusal(gate.run('10.0.0.9', async () => 'x'))).toBe('server_busy');
    for (const hash of hashes) hash.finish();
    expect(await Promise.all([...results.slice(0, 4), late])).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(gate.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('bounds the hashes of one address, running or waiting, and frees its places when they end, even on failure', async () => {
    const gate = new PasswordHashGate({ maxConcurrent: 1, maxQueued: 10, perAddress: 2 });
    const first = heldHash();
    const running = gate.run('10.0.0.1', first.run);
    const failing = gate.run('10.0.0.1', () => Promise.reject(new Error('scrypt en panne')));
    expect(await refusal(gate.run('10.0.0.1', async () => 'x'))).toBe('address_busy');
    const otherAddress = gate.run('10.0.0.2', async () => 'autre adresse');
    first.finish();
    await running;
    await expect(failing).rejects.toThrow('scrypt en panne');
    expect(await otherAddress).toBe('autre adresse');
    expect(await gate.run('10.0.0.1', async () => 'de nouveau')).toBe('de nouveau');
    expect(gate.stats()).toEqual({ running: 0, queued: 0 });
  });
});
