import type { AxisId } from './fiche.js';
import { ficheNodes, type FicheNodeRefs, type NodeInput } from './ficheNodes.js';
import { fiches } from './fiches/index.js';

/** The headings of the call's summary, under which the fiches sit. */
const axes: readonly NodeInput[] = [
  { id: 'axe-projet', type: 'block', label: 'Élaboration du projet professionnel', order: 0 },
  { id: 'axe-transversales', type: 'block', label: 'Compétences transversales', order: 1 },
  { id: 'axe-transversales.base', type: 'block', label: 'Compétences de base', parent: 'axe-transversales', order: 0 },
  {
    id: 'axe-transversales.personnelles',
    type: 'block',
    label: 'Compétences personnelles',
    parent: 'axe-transversales',
    order: 1,
  },
  { id: 'axe-professionnelles', type: 'block', label: 'Compétences professionnelles', order: 2 },
  { id: 'axe-accompagnement', type: 'block', label: 'Accompagnement renforcé', order: 3 },
];

const built = (() => {
  const orderInAxis = new Map<AxisId, number>();
  return fiches.map((fiche) => {
    const order = orderInAxis.get(fiche.axis) ?? 0;
    orderInAxis.set(fiche.axis, order + 1);
    return ficheNodes(fiche, order, fiche.axis);
  });
})();

export const pdieNodes: NodeInput[] = [...axes, ...built.flatMap((b) => b.nodes)];

/** Per fiche id, the ids of its nodes by template section. */
export const ficheRefs: ReadonlyMap<string, FicheNodeRefs> = new Map(built.map((b) => [b.refs.fiche, b.refs]));
