import type { ResolvedEvidenceLink } from '@canevas/core';

/** One highlighted passage: the links that share exactly this range, and their nodes' codes. */
export interface EvidenceHighlightRange {
  from: number;
  to: number;
  linkIds: string[];
  /** Distinct, in link order: « CP2-C2 », « CP3-C4 »… */
  codes: string[];
}

/**
 * The passages to highlight: attached links only (a détaché link has no passage), one range per
 * distinct (from, to) so that two criteria linked to one passage show one label « CP2-C2 · CP3-C4 ».
 * Ranges outside `[0, docSize]` are dropped: a stale resolution must never break the editor.
 */
export function evidenceHighlights(
  links: readonly ResolvedEvidenceLink[],
  codeOf: (nodeId: string) => string,
  docSize: number,
): EvidenceHighlightRange[] {
  const ranges = new Map<string, EvidenceHighlightRange>();
  for (const link of links) {
    const { resolution } = link;
    if (resolution.status !== 'attached') continue;
    const { from, to } = resolution;
    if (!(from >= 0 && to > from && to <= docSize)) continue;
    const key = `${from}:${to}`;
    let range = ranges.get(key);
    if (!range) ranges.set(key, (range = { from, to, linkIds: [], codes: [] }));
    range.linkIds.push(link.id);
    const code = codeOf(link.nodeId);
    if (!range.codes.includes(code)) range.codes.push(code);
  }
  return [...ranges.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}
