import type { ReferentialManifest, ReferentialNode } from '@canevas/core';

export interface LinkableCriterion {
  id: string;
  code?: string;
  label: string;
  description?: string;
}

/** The criteria under one competency, block or fiche, in manifest order. */
export interface CriterionGroup {
  /** The parent node's id, or '' for criteria without a parent. */
  id: string;
  code?: string;
  label: string;
  criteria: LinkableCriterion[];
}

// The engine tracks the same nodes: criteria and anything assessable.
const isTracked = (node: ReferentialNode) => node.type === 'criterion' || node.assessable;

const byOrder = (a: ReferentialNode, b: ReferentialNode) => a.order - b.order;

/** Manifest order: depth first from the roots, siblings by `order`. */
function orderedNodes(manifest: ReferentialManifest): ReferentialNode[] {
  const ids = new Set(manifest.nodes.map((node) => node.id));
  const children = new Map<string, ReferentialNode[]>();
  const roots: ReferentialNode[] = [];
  for (const node of manifest.nodes) {
    if (node.parent === undefined || !ids.has(node.parent)) roots.push(node);
    else {
      let list = children.get(node.parent);
      if (!list) children.set(node.parent, (list = []));
      list.push(node);
    }
  }
  const out: ReferentialNode[] = [];
  const visit = (node: ReferentialNode) => {
    out.push(node);
    for (const child of (children.get(node.id) ?? []).sort(byOrder)) visit(child);
  };
  for (const root of roots.sort(byOrder)) visit(root);
  return out;
}

/**
 * What a passage can be linked to, grouped by parent (competency, block, fiche) for the dialog.
 * A referential without criteria (a method) offers all its nodes, so evidence still has a target.
 */
export function criterionGroups(manifest: ReferentialManifest): CriterionGroup[] {
  const nodes = orderedNodes(manifest);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const tracked = nodes.filter(isTracked);
  const linkable = tracked.length > 0 ? tracked : nodes;
  const groups = new Map<string, CriterionGroup>();
  for (const node of linkable) {
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    const key = parent?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        id: key,
        ...(parent?.code ? { code: parent.code } : {}),
        label: parent?.label ?? 'Autres éléments',
        criteria: [],
      };
      groups.set(key, group);
    }
    group.criteria.push({
      id: node.id,
      ...(node.code ? { code: node.code } : {}),
      label: node.label,
      ...(node.description ? { description: node.description } : {}),
    });
  }
  return [...groups.values()];
}

/** Lowercase without accents, apostrophes unified: « Écart » and « ecart » match. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’`]/g, "'")
    .toLowerCase();
}

/**
 * Keeps the criteria whose code, label or description (or their group's) contains every word of
 * the query, in any order; groups left empty disappear.
 */
export function filterCriterionGroups(groups: readonly CriterionGroup[], query: string): CriterionGroup[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  const out: CriterionGroup[] = [];
  for (const group of groups) {
    const groupText = searchKey(`${group.code ?? ''} ${group.label}`);
    const criteria = group.criteria.filter((criterion) => {
      const text = `${groupText} ${searchKey(`${criterion.code ?? ''} ${criterion.label} ${criterion.description ?? ''}`)}`;
      return words.every((word) => text.includes(word));
    });
    if (criteria.length > 0) out.push({ ...group, criteria });
  }
  return out;
}
