import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isSessionEnded, onLiveConnection } from './postgresPool.js';

/** Only what onLiveConnection reads of a pool: its size. */
const poolOf = (max: number) => ({ options: { max } }) as unknown as pg.Pool;

const ended = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('onLiveConnection', () => {
  it('runs again while the connection had been ended by the server, then returns the result', async () => {
    let calls = 0;
    const result = await onLiveConnection(poolOf(10), async () => {
      calls++;
      if (calls < 4) throw ended;
      return 'stored';
    });
    expect(result).toBe('stored');
    expect(calls).toBe(4);
  });

  it('gives up once every connection the pool may hold has been tried', async () => {
    let calls = 0;
    const attempt = onLiveConnection(poolOf(3), async () => {
      calls++;
      throw ended;
    });
    await expect(attempt).rejects.toBe(ended);
    expect(calls).toBe(4);
  });

  it('never runs again after any other failure: a storage fault is the caller’s', async () => {
    const full = Object.assign(new Error('could not extend file'), { code: '53100' });
    let calls = 0;
    await expect(
      onLiveConnection(poolOf(10), async () => {
        calls++;
        throw full;
      }),
    ).rejects.toBe(full);
    expect(calls).toBe(1);
  });
});

describe('isSessionEnded', () => {
  it('names the SQLSTATEs of a session ended by the server, and nothing else', () => {
    expect(['57P01', '57P02', '57P05'].map((code) => isSessionEnded({ code }))).toEqual([true, true, true]);
    expect([{ code: '53100' }, { code: '08006' }, new Error('Connection terminated unexpectedly'), null, 'x'].map(isSessionEnded)).toEqual([false, false, false, false, false]);
  });
});
