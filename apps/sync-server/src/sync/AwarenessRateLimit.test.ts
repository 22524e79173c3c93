import { describe, expect, it } from 'vitest';
import { AwarenessRateLimit } from './AwarenessRateLimit.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('AwarenessRateLimit', () => {
  it('accepts a burst, drops past it, and refills at the sustained rate', () => {
    const time = clock();
    const limit = new AwarenessRateLimit({ messagesPerSecond: 10, bytesPerSecond: 1000, burstSeconds: 2 }, time.now);
    const burst = Array.from({ length: 25 }, () => limit.admit(10));
    expect(burst.filter((verdict) => verdict === 'accept')).toHaveLength(20);
    expect(burst.slice(20)).toEqual(Array(5).fill('drop'));
    time.advance(500);
    expect(Array.from({ length: 6 }, () => limit.admit(10)).filter((verdict) => verdict === 'accept')).toHaveLength(5);
  });

  it('counts bytes as well as messages', () => {
    const time = clock();
    const limit = new AwarenessRateLimit({ messagesPerSecond: 100, bytesPerSecond: 1000, burstSeconds: 1 }, time.now);
    expect(limit.admit(800)).toBe('accept');
    expect(limit.admit(800)).toBe('drop');
    time.advance(600);
    expect(limit.admit(800)).toBe('accept');
  });

  it('closes a connection that keeps exceeding its allowance, not one that pauses', () => {
    const time = clock();
    const limit = new AwarenessRateLimit({ messagesPerSecond: 1, bytesPerSecond: 1e6, burstSeconds: 1, closeAfterSeconds: 3 }, time.now);
    const verdicts: string[] = [];
    // Ten messages a second for 2.5 s, a 1.5 s pause, then again until closed.
    for (let t = 0; t < 2500; t += 100, time.advance(100)) verdicts.push(limit.admit(1));
    expect(verdicts).not.toContain('close');
    time.advance(1500);
    let elapsed = 0;
    while (limit.admit(1) !== 'close') {
      time.advance(100);
      elapsed += 100;
      expect(elapsed).toBeLessThan(5000);
    }
    expect(elapsed).toBeGreaterThanOrEqual(3000);
  });
});
