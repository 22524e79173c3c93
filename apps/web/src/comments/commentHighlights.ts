import type { AnchorResolution } from '@canevas/core';

export interface HighlightableThread {
  id: string;
  resolved: boolean;
  resolution: AnchorResolution | null;
}

/** One commented passage: the threads on exactly this range. */
export interface CommentHighlightRange {
  from: number;
  to: number;
  threadIds: string[];
  /** The thread chosen in the panel is among them. */
  active: boolean;
}

/**
 * The passages to highlight: open threads with an attached passage, and the active thread even
 * once resolved (the reader asked to see it). Ranges outside `[0, docSize]` are dropped: a stale
 * resolution must never break the editor.
 */
export function commentHighlights(threads: readonly HighlightableThread[], activeId: string | null, docSize: number): CommentHighlightRange[] {
  const ranges = new Map<string, CommentHighlightRange>();
  for (const thread of threads) {
    const active = thread.id === activeId;
    if (thread.resolved && !active) continue;
    const { resolution } = thread;
    if (resolution?.status !== 'attached') continue;
    const { from, to } = resolution;
    if (!(from >= 0 && to > from && to <= docSize)) continue;
    const key = `${from}:${to}`;
    let range = ranges.get(key);
    if (!range) ranges.set(key, (range = { from, to, threadIds: [], active: false }));
    range.threadIds.push(thread.id);
    range.active ||= active;
  }
  return [...ranges.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}
