import type { Modality, ReferentialManifest } from '@canevas/core';

/**
 * The evaluation modalities that assess a node: those whose `evaluates` names it or one of its
 * ancestors (a modality that evaluates a competency evaluates its criteria), plus those the node
 * itself lists. Manifest order, no duplicates.
 */
export function criterionModalities(manifest: ReferentialManifest, nodeId: string): Modality[] {
  const byId = new Map(manifest.nodes.map((node) => [node.id, node]));
  const lineage = new Set<string>();
  for (let node = byId.get(nodeId); node && !lineage.has(node.id); node = node.parent ? byId.get(node.parent) : undefined) {
    lineage.add(node.id);
  }
  const own = new Set(byId.get(nodeId)?.modalities ?? []);
  return manifest.modalities.filter((modality) => own.has(modality.id) || modality.evaluates.some((id) => lineage.has(id)));
}
