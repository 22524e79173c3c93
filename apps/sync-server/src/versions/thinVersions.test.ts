import { describe, expect, it } from 'vitest';
import type { Version } from './VersionStore.js';
import { DEFAULT_RETENTION, versionsToThin } from './thinVersions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// A fixed « now » on an exact UTC day boundary, 30 days after the epoch: periods are easy to read.
const NOW = 30 * DAY;

type Entry = Pick<Version, 'id' | 'kind' | 'createdAt'>;
const auto = (id: string, createdAt: number): Entry => ({ id, kind: 'auto', createdAt });

describe('versionsToThin', () => {
  it('keeps every automatic version of the last day', () => {
    const versions = Array.from({ length: 100 }, (_, i) => auto(`v${i}`, NOW - i * 10 * MIN));
    expect(versionsToThin(versions.filter((v) => NOW - v.createdAt < DAY), NOW)).toEqual([]);
  });

  it('keeps the last of each hour between a day and a week old', () => {
    const start = NOW - 3 * DAY - 2 * HOUR; // on an hour boundary
    const versions = [auto('a', start + 5 * MIN), auto('b', start + 20 * MIN), auto('c', start + 59 * MIN), auto('d', start + HOUR + MIN)];
    expect(versionsToThin(versions, NOW).sort()).toEqual(['a', 'b']);
  });

  it('keeps the last of each day beyond a week', () => {
    const day = NOW - 10 * DAY;
    const versions = [auto('morning', day + 9 * HOUR), auto('evening', day + 18 * HOUR), auto('next', day + DAY + HOUR)];
    expect(versionsToThin(versions, NOW).sort()).toEqual(['morning']);
  });

  it('never thins named and submission versions', () => {
    const day = NOW - 10 * DAY;
    const versions: Entry[] = [
      { id: 'named', kind: 'named', createdAt: day + HOUR },
      { id: 'submitted', kind: 'submission', createdAt: day + 2 * HOUR },
      auto('early', day + 3 * HOUR),
      { id: 'restore', kind: 'restore', createdAt: day + 4 * HOUR },
    ];
    // The restore version is the server's own too: the last of its day, it stays; the earlier auto goes.
    expect(versionsToThin(versions, NOW)).toEqual(['early']);
  });

  it('leaves, as time passes, one version per hour then one per day', () => {
    // A version every 10 minutes for 10 days, thinned every hour as the server would.
    let versions: Entry[] = [];
    let clock = 0;
    for (let at = NOW - 10 * DAY; at <= NOW; at += 10 * MIN) {
      versions.push(auto(`v${at}`, at));
      clock = at;
      if (at % HOUR === 0) {
        const gone = new Set(versionsToThin(versions, clock));
        versions = versions.filter((v) => !gone.has(v.id));
      }
    }
    const age = (v: Entry) => clock - v.createdAt;
    const recent = versions.filter((v) => age(v) < DAY).length;
    const hourly = versions.filter((v) => age(v) >= DAY && age(v) < 7 * DAY).length;
    const daily = versions.filter((v) => age(v) >= 7 * DAY).length;
    expect(recent).toBe(6 * 24);
    // One per hour over six days, plus the hour that begins exactly a day ago.
    expect(hourly).toBeGreaterThanOrEqual(6 * 24);
    expect(hourly).toBeLessThanOrEqual(6 * 24 + 1);
    expect(daily).toBeLessThanOrEqual(4);
    expect(daily).toBeGreaterThanOrEqual(3);
  });

  it('follows a configured policy', () => {
    const versions = [auto('a', NOW - 2 * HOUR - 30 * MIN), auto('b', NOW - 2 * HOUR - 10 * MIN), auto('c', NOW - 10 * MIN)];
    expect(versionsToThin(versions, NOW, { keepAllForMs: HOUR, hourlyForMs: DAY })).toEqual(['a']);
    expect(versionsToThin(versions, NOW, DEFAULT_RETENTION)).toEqual([]);
  });
});
