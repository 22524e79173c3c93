import type { ReferentialManifestInput } from '@canevas/core';
import type { Fiche, FicheItem, RequirementSection } from './fiche.js';
import { APPLICATION_MODALITY, CONFORMITY_SCALE } from './ids.js';

export type NodeInput = ReferentialManifestInput['nodes'][number];

/** The ids of a fiche's nodes, grouped by the template section that answers them. */
export interface FicheNodeRefs {
  fiche: string;
  objectives: string[];
  requirements: Record<RequirementSection, string[]>;
  criteria: string[];
  indicators: string[];
}

/**
 * Turns one fiche into its node subtree: the fiche, its general (OG) and pedagogical (OP)
 * objectives, its types of action, its public and requirements (E), its evaluation criteria (C)
 * and its indicators (I). Only criteria and indicators are assessed; the rest is evidence.
 */
export function ficheNodes(fiche: Fiche, order: number, parent: string): { nodes: NodeInput[]; refs: FicheNodeRefs } {
  const nodes: NodeInput[] = [];
  const refs: FicheNodeRefs = {
    fiche: fiche.id,
    objectives: [],
    requirements: { note: [], public: [], contenu: [], moyens: [], calendrier: [] },
    criteria: [],
    indicators: [],
  };
  const nextOrder = new Map<string, number>();
  const add = (node: Omit<NodeInput, 'order'>): string => {
    const key = node.parent ?? '';
    const o = nextOrder.get(key) ?? 0;
    nextOrder.set(key, o + 1);
    nodes.push({ ...node, order: o });
    return node.id;
  };
  const addItems = (
    items: readonly FicheItem[],
    type: 'objective' | 'requirement',
    parentId: string,
    idPrefix: string,
    codePrefix: string,
    collect: string[],
  ): void => {
    items.forEach((item, i) => {
      const id = add({
        id: `${idPrefix}${i + 1}`,
        code: `${codePrefix}${i + 1}`,
        type,
        label: item.label,
        ...(item.description ? { description: item.description } : {}),
        parent: parentId,
      });
      collect.push(id);
      if (item.items) addItems(item.items, type, id, `${id}.`, `${codePrefix}${i + 1}.`, collect);
    });
  };

  nodes.push({
    id: fiche.id,
    code: `Fiche ${fiche.number}`,
    type: 'fiche',
    label: fiche.title,
    description: [fiche.context, "Les modalités d’évaluation seront déterminées conventionnellement."]
      .filter(Boolean)
      .join('\n'),
    parent,
    order,
    modalities: [APPLICATION_MODALITY],
  });

  addItems(fiche.generalObjectives, 'objective', fiche.id, `${fiche.id}.og`, 'OG', refs.objectives);
  addItems(fiche.pedagogicalObjectives, 'objective', fiche.id, `${fiche.id}.op`, 'OP', refs.objectives);
  for (const actionType of fiche.actionTypes ?? []) {
    const id = add({
      id: `${fiche.id}.type-${actionType.letter.toLowerCase()}`,
      code: `Type ${actionType.letter}`,
      type: 'activity',
      label: actionType.label,
      ...(actionType.description ? { description: actionType.description } : {}),
      parent: fiche.id,
    });
    const collect = actionType.itemType === 'objective' ? refs.objectives : refs.requirements.contenu;
    collect.push(id);
    addItems(actionType.items, actionType.itemType, id, `${id}.`, `${actionType.letter}`, collect);
  }

  refs.requirements.public.push(
    add({
      id: `${fiche.id}.public`,
      code: 'Public',
      type: 'requirement',
      label: 'Profil du public',
      description: fiche.publicProfile,
      parent: fiche.id,
    }),
  );
  fiche.requirements.forEach((requirement, i) => {
    refs.requirements[requirement.section].push(
      add({
        id: `${fiche.id}.e${i + 1}`,
        code: `E${i + 1}`,
        type: 'requirement',
        label: requirement.label,
        ...(requirement.description ? { description: requirement.description } : {}),
        parent: fiche.id,
      }),
    );
  });

  const assessed = { assessable: true, scale: CONFORMITY_SCALE, modalities: [APPLICATION_MODALITY] };
  fiche.evaluationCriteria.forEach((criterion, i) => {
    refs.criteria.push(
      add({
        id: `${fiche.id}.c${i + 1}`,
        code: `C${i + 1}`,
        type: 'criterion',
        label: criterion.label,
        ...(criterion.description ? { description: criterion.description } : {}),
        parent: fiche.id,
        ...assessed,
      }),
    );
  });
  fiche.indicators.forEach((indicator, i) => {
    const measure = {
      ...(indicator.timing ? { timing: indicator.timing } : {}),
      ...(indicator.unit ? { unit: indicator.unit } : {}),
    };
    refs.indicators.push(
      add({
        id: `${fiche.id}.i${i + 1}`,
        code: `I${i + 1}`,
        type: 'indicator',
        label: indicator.label,
        ...(indicator.description ? { description: indicator.description } : {}),
        parent: fiche.id,
        ...assessed,
        ...(Object.keys(measure).length > 0 ? { measure } : {}),
      }),
    );
  });

  return { nodes, refs };
}
