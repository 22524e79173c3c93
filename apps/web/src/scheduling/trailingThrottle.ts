export interface TrailingThrottle {
  /** Asks for a run: at most one per `wait` ms, always after the latest request. */
  schedule(): void;
  /** Runs now if a run is pending (e.g. before reading the result). */
  flush(): void;
  cancel(): void;
}

/**
 * Runs `task` at most once per `wait` milliseconds while requests keep coming, and once more after
 * the last one. Unlike a debounce, continuous typing still gets an update every `wait` ms.
 */
export function trailingThrottle(task: () => void, wait: number): TrailingThrottle {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    task();
  };
  return {
    schedule() {
      timer ??= setTimeout(run, wait);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
