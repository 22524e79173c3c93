import type { Version } from './VersionStore.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * How long automatic versions are kept at full density. Named and submission versions are never
 * thinned.
 */
export interface RetentionPolicy {
  /** Every automatic version younger than this is kept. Default one day. */
  keepAllForMs: number;
  /** Then, until this age, the last of each hour. Default a week; older: the last of each day (UTC). */
  hourlyForMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllForMs: DAY, hourlyForMs: 7 * DAY };

/** Versions that thinning may remove: the server's own (`auto`, `restore`), never a named one. */
const THINNED_KINDS: ReadonlySet<Version['kind']> = new Set(['auto', 'restore']);

/**
 * The ids of the versions to delete at `now` so that what remains follows `policy`: every
 * automatic version of the last day, the last of each hour for a week, the last of each day
 * before. « The last » of a period is the state at its end, which is what people ask for
 * (« le document mardi soir »). Pure: the caller gives the time, so any clock tests it.
 */
export function versionsToThin(versions: readonly Pick<Version, 'id' | 'kind' | 'createdAt'>[], now: number, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  // Newest first, the last created first among equal times (as the store lists them).
  const ordered = [...versions].map((version, index) => ({ version, index })).sort((a, b) => b.version.createdAt - a.version.createdAt || a.index - b.index);
  const kept = new Set<string>();
  const toDelete: string[] = [];
  for (const { version } of ordered) {
    if (!THINNED_KINDS.has(version.kind)) continue;
    const age = now - version.createdAt;
    if (age < policy.keepAllForMs) continue;
    const period = age < policy.hourlyForMs ? `h${Math.floor(version.createdAt / HOUR)}` : `d${Math.floor(version.createdAt / DAY)}`;
    if (kept.has(period)) toDelete.push(version.id);
    else kept.add(period);
  }
  return toDelete;
}
