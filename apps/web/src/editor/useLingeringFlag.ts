import { useEffect, useState } from 'react';

/**
 * True once `flag` has stayed true for `delayMs`; false as soon as it is false. Each keystroke is
 * unacknowledged for a few milliseconds: without this the status would flicker (and be announced
 * to screen readers) on every key.
 */
export function useLingeringFlag(flag: boolean, delayMs: number): boolean {
  const [lingering, setLingering] = useState(false);
  useEffect(() => {
    if (!flag) {
      setLingering(false);
      return;
    }
    const timer = window.setTimeout(() => setLingering(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [flag, delayMs]);
  return flag && lingering;
}
