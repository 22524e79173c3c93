import type { NodeType, ReferentialNode } from '../referential/manifestSchema.js';

const NOUNS: Record<NodeType, string> = {
  block: 'Le bloc',
  activity: "L’activité",
  competency: 'La compétence',
  criterion: 'Le critère',
  fiche: 'La fiche',
  objective: "L’objectif",
  indicator: "L’indicateur",
  situation: 'La situation',
  requirement: "L’exigence",
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

const COUNTED: Record<NodeType, [singular: string, plural: string]> = {
  block: ['bloc', 'blocs'],
  activity: ['activité', 'activités'],
  competency: ['compétence', 'compétences'],
  criterion: ['critère', 'critères'],
  fiche: ['fiche', 'fiches'],
  objective: ['objectif', 'objectifs'],
  indicator: ['indicateur', 'indicateurs'],
  situation: ['situation', 'situations'],
  requirement: ['exigence', 'exigences'],
};

export interface CountedNoun {
  /** « 1 critère », « 14 critères » ; with a participle, agreed: « 2 compétences clés évaluées ». */
  count(count: number, participle?: string): string;
}

/**
 * How to count a set of nodes in French: by their type when they share one (« critères »,
 * « compétences clés »), else as « éléments ».
 */
export function countedNoun(nodes: readonly ReferentialNode[], key = false): CountedNoun {
  const types = new Set(nodes.map((node) => node.type));
  const type = types.size === 1 ? [...types][0]! : undefined;
  const [singular, plural] = type === undefined ? ['élément', 'éléments'] : COUNTED[type];
  const feminine = type !== undefined && FEMININE.has(type);
  return {
    count(count, participle) {
      // French: 0 and 1 take the singular.
      const many = count > 1;
      const noun = `${many ? plural : singular}${key ? (many ? ' clés' : ' clé') : ''}`;
      const agreed = participle === undefined ? '' : ` ${participle}${feminine ? 'e' : ''}${many ? 's' : ''}`;
      return `${count} ${noun}${agreed}`;
    },
  };
}
