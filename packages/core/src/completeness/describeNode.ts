import type { NodeType, ReferentialNode } from '../referential/manifestSchema.js';

const NOUNS: Record<NodeType, string> = {
  block: 'Le bloc',
  activity: "L'activité",
  competency: 'La compétence',
  criterion: 'Le critère',
  fiche: 'La fiche',
  objective: "L'objectif",
  indicator: "L'indicateur",
  situation: 'La situation',
  requirement: "L'exigence",
};

const FEMININE = new Set<NodeType>(['activity', 'competency', 'fiche', 'situation', 'requirement']);

/** « Le critère CP2.3 », « La compétence C1 », or the label when the node has no code. */
export function describeNode(node: ReferentialNode): string {
  const noun = NOUNS[node.type];
  const name = node.code ? node.code : `« ${node.label} »`;
  if (node.type === 'fiche' && node.code && /^fiche\b/i.test(node.code)) return `La ${node.code}`;
  return `${noun} ${name}`;
}

/** Agrees a past participle with the node's gender: « évalué » / « évaluée ». */
export function agree(node: ReferentialNode, participle: string): string {
  return FEMININE.has(node.type) ? `${participle}e` : participle;
}
