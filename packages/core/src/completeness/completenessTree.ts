import type { ReferentialManifest, ReferentialNode } from '../referential/manifestSchema.js';
import type { CompletenessReport, CriterionReport, CriterionStatus, MissingItem } from './CompletenessReport.js';
import { manifestIndex } from './manifestIndex.js';

export interface CompletenessTreeNode {
  node: ReferentialNode;
  /** Set on criteria and assessable nodes. */
  criterion?: CriterionReport;
  /** The node's own status, or for a grouping node (a block) the weakest of its children's. */
  status?: CriterionStatus;
  /** Missing items that name this node. */
  missing: MissingItem[];
  children: CompletenessTreeNode[];
}

const RANK: Record<CriterionStatus, number> = { absent: 0, partiel: 1, couvert: 2, évalué: 3 };

function weakest(statuses: CriterionStatus[]): CriterionStatus | undefined {
  if (statuses.length === 0) return undefined;
  const ranks = statuses.map((s) => RANK[s]);
  const min = Math.min(...ranks);
  const max = Math.max(...ranks);
  // Some progress but not everywhere reads as « partiel », not « absent ».
  if (min === 0 && max > 0) return 'partiel';
  return statuses[ranks.indexOf(min)];
}

/** The report arranged as the referential's tree (block → competency → criteria), for the panel. */
export function completenessTree(manifest: ReferentialManifest, report: CompletenessReport): CompletenessTreeNode[] {
  const index = manifestIndex(manifest);
  const criteria = new Map(report.criteria.map((c) => [c.nodeId, c]));
  const missingByNode = new Map<string, MissingItem[]>();
  for (const item of report.missing) {
    for (const id of item.nodeIds) {
      let list = missingByNode.get(id);
      if (!list) missingByNode.set(id, (list = []));
      list.push(item);
    }
  }
  const build = (node: ReferentialNode, seen: Set<string>): CompletenessTreeNode => {
    seen.add(node.id);
    const children = (index.children.get(node.id) ?? []).filter((c) => !seen.has(c.id)).map((c) => build(c, seen));
    const criterion = criteria.get(node.id);
    const childStatuses = children.map((c) => c.status).filter((s): s is CriterionStatus => s !== undefined);
    const status = criterion?.status ?? weakest(childStatuses);
    return {
      node,
      ...(criterion ? { criterion } : {}),
      ...(status ? { status } : {}),
      missing: missingByNode.get(node.id) ?? [],
      children,
    };
  };
  const seen = new Set<string>();
  return index.ordered
    .filter((node) => node.parent === undefined || !index.nodes.has(node.parent))
    .map((root) => build(root, seen));
}
