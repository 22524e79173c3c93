import type { ReferentialManifest, ReferentialNode, Scale } from '../referential/manifestSchema.js';

/**
 * The scale a node is assessed on: its own, else the referential's first. The server accepts
 * levels on that scale, so the engine, the panel and the exports read them on it too.
 */
export function scaleOf(manifest: ReferentialManifest, node: ReferentialNode): Scale | undefined {
  const id = node.scale ?? manifest.scales[0]?.id;
  return manifest.scales.find((scale) => scale.id === id);
}

export const NOT_ASSESSED = 'Non évalué';

/** A level's label on the scale; the id itself when the scale no longer has it. */
export function levelLabel(scale: Scale | undefined, level: string | null): string {
  if (level === null) return NOT_ASSESSED;
  return scale?.levels.find((candidate) => candidate.id === level)?.label ?? level;
}

/** The lowest level that counts as mastered (the first one flagged `proficient`). */
export function requiredLevel(scale: Scale | undefined): Scale['levels'][number] | undefined {
  return scale?.levels.find((candidate) => candidate.proficient);
}

/** Whether the level counts as mastered on its scale (at or above the first proficient level). */
export function isProficient(scale: Scale | undefined, level: string): boolean {
  if (!scale) return false;
  const threshold = scale.levels.findIndex((candidate) => candidate.proficient);
  const index = scale.levels.findIndex((candidate) => candidate.id === level);
  return threshold >= 0 && index >= threshold;
}
