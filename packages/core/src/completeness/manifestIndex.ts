import type { ReferentialManifest, ReferentialNode, Scale } from '../referential/manifestSchema.js';

/** Lookups the engine needs on every run, built once per manifest object. */
export interface ManifestIndex {
  nodes: Map<string, ReferentialNode>;
  children: Map<string, ReferentialNode[]>;
  /** Nodes in tree order (parents before children, siblings by `order`). */
  ordered: ReferentialNode[];
  scales: Map<string, Scale>;
  /** Per scale: index of each level and the lowest proficient index. */
  levelIndex: Map<string, Map<string, number>>;
  proficientFrom: Map<string, number>;
}

const cache = new WeakMap<ReferentialManifest, ManifestIndex>();

export function manifestIndex(manifest: ReferentialManifest): ManifestIndex {
  let index = cache.get(manifest);
  if (index) return index;
  const nodes = new Map(manifest.nodes.map((node) => [node.id, node]));
  const children = new Map<string, ReferentialNode[]>();
  const roots: ReferentialNode[] = [];
  for (const node of manifest.nodes) {
    if (node.parent !== undefined && nodes.has(node.parent)) {
      let siblings = children.get(node.parent);
      if (!siblings) children.set(node.parent, (siblings = []));
      siblings.push(node);
    } else {
      roots.push(node);
    }
  }
  const byOrder = (a: ReferentialNode, b: ReferentialNode) => a.order - b.order;
  roots.sort(byOrder);
  for (const siblings of children.values()) siblings.sort(byOrder);
  const ordered: ReferentialNode[] = [];
  const visited = new Set<string>();
  const walk = (node: ReferentialNode) => {
    if (visited.has(node.id)) return;
    visited.add(node.id);
    ordered.push(node);
    for (const child of children.get(node.id) ?? []) walk(child);
  };
  roots.forEach(walk);

  const scales = new Map(manifest.scales.map((scale) => [scale.id, scale]));
  const levelIndex = new Map<string, Map<string, number>>();
  const proficientFrom = new Map<string, number>();
  for (const scale of manifest.scales) {
    levelIndex.set(scale.id, new Map(scale.levels.map((level, i) => [level.id, i])));
    const first = scale.levels.findIndex((level) => level.proficient);
    proficientFrom.set(scale.id, first < 0 ? Number.POSITIVE_INFINITY : first);
  }
  index = { nodes, children, ordered, scales, levelIndex, proficientFrom };
  cache.set(manifest, index);
  return index;
}

/** All descendants of a node, depth first. */
export function descendantsOf(index: ManifestIndex, id: string): ReferentialNode[] {
  const out: ReferentialNode[] = [];
  const stack = [...(index.children.get(id) ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const children = index.children.get(node.id);
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}
