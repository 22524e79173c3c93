import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trailingThrottle } from './trailingThrottle.js';

describe('trailingThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('coalesces a burst of requests into one run after the wait', () => {
    const task = vi.fn();
    const throttle = trailingThrottle(task, 200);
    throttle.schedule();
    throttle.schedule();
    vi.advanceTimersByTime(199);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('keeps running during continuous requests instead of waiting for them to stop', () => {
    const task = vi.fn();
    const throttle = trailingThrottle(task, 200);
    // A keystroke every 50 ms for one second.
    for (let elapsed = 0; elapsed < 1000; elapsed += 50) {
      throttle.schedule();
      vi.advanceTimersByTime(50);
    }
    expect(task).toHaveBeenCalledTimes(5);
  });

  it('flushes a pending run now, and cancel drops it', () => {
    const task = vi.fn();
    const throttle = trailingThrottle(task, 200);
    throttle.flush();
    expect(task).not.toHaveBeenCalled();
    throttle.schedule();
    throttle.flush();
    expect(task).toHaveBeenCalledTimes(1);
    throttle.schedule();
    throttle.cancel();
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
