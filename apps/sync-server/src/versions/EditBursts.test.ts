import { describe, expect, it } from 'vitest';
import { EditBursts } from './EditBursts.js';

const MIN = 60_000;

describe('EditBursts', () => {
  const policy = { idleMs: 3 * MIN, maxBurstMs: 30 * MIN };

  it('falls due once nobody has edited for the idle delay', () => {
    const bursts = new EditBursts(policy);
    bursts.edited('d', 'awa', 0);
    bursts.edited('d', 'awa', 2 * MIN);
    expect(bursts.dueAt(4 * MIN)).toEqual([]);
    expect(bursts.nextDueAt()).toBe(5 * MIN);
    expect(bursts.dueAt(5 * MIN)).toEqual(['d']);
  });

  it('falls due after the longest burst even while edits keep coming', () => {
    const bursts = new EditBursts(policy);
    for (let at = 0; at <= 29 * MIN; at += MIN) bursts.edited('d', 'awa', at);
    expect(bursts.dueAt(29 * MIN)).toEqual([]);
    expect(bursts.dueAt(30 * MIN)).toEqual(['d']);
  });

  it('names each account once, in the order of their first edit, and not the server', () => {
    const bursts = new EditBursts(policy);
    bursts.edited('d', 'inès', 0);
    bursts.edited('d', null, 1);
    bursts.edited('d', 'awa', 2);
    bursts.edited('d', 'inès', 3);
    expect(bursts.take('d')).toEqual(['inès', 'awa']);
    // Taken: the next edit begins a new burst, timed from itself.
    expect(bursts.take('d')).toBeUndefined();
    bursts.edited('d', 'awa', 10 * MIN);
    expect(bursts.dueAt(12 * MIN)).toEqual([]);
    expect(bursts.dueAt(13 * MIN)).toEqual(['d']);
  });

  it('keeps the documents apart and forgets a deleted one', () => {
    const bursts = new EditBursts(policy);
    bursts.edited('a', 'awa', 0);
    bursts.edited('b', 'inès', MIN);
    expect(bursts.dueAt(3 * MIN)).toEqual(['a']);
    bursts.forget('a');
    expect(bursts.nextDueAt()).toBe(4 * MIN);
    expect(bursts.size).toBe(1);
  });
});
