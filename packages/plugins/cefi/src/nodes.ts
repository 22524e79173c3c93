import { BLOCKS, type BlockSource } from './blocks.js';
import { MODALITY } from './ids.js';
import { ACQUISITION_SCALE } from './scales.js';
import type { NodeInput } from './types.js';

const bulletList = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');

export const blockId = (block: number) => `bloc${block}`;
export const competencyId = (block: number, competency: number) => `bloc${block}-c${competency}`;
export const criterionId = (block: number, competency: number, criterion: number) =>
  `bloc${block}-c${competency}-${criterion}`;

/** Bloc 3's criteria about the project are read in the mind map; the rest of its evidence is in the dossier. */
function criterionModalities(block: BlockSource): string[] {
  return block.number === 3 ? [MODALITY.carteMentaleBloc3] : block.modalities;
}

function blockNodes(block: BlockSource): NodeInput[] {
  const b = block.number;
  const nodes: NodeInput[] = [
    {
      id: blockId(b),
      code: `Bloc ${b}`,
      type: 'block',
      label: block.label,
      order: b - 1,
      assessable: false,
      modalities: block.modalities,
    },
  ];
  block.units.forEach(({ activity, competency }, index) => {
    const n = index + 1;
    const activityId = `bloc${b}-a${n}`;
    nodes.push(
      {
        id: activityId,
        code: `B${b}-A${n}`,
        type: 'activity',
        label: activity.label,
        description: activity.audience
          ? `${activity.audience}.\n${bulletList(activity.tasks)}`
          : bulletList(activity.tasks),
        parent: blockId(b),
        order: index,
        assessable: false,
      },
      {
        id: competencyId(b, n),
        code: `B${b}-C${n}`,
        type: 'competency',
        label: competency.label,
        description: bulletList(competency.skills),
        parent: activityId,
        order: 0,
        assessable: false,
        modalities: block.modalities,
      },
      ...competency.criteria.map(
        (label, k): NodeInput => ({
          id: criterionId(b, n, k + 1),
          code: `B${b}-C${n}.${k + 1}`,
          type: 'criterion',
          label,
          parent: competencyId(b, n),
          order: k,
          assessable: true,
          scale: ACQUISITION_SCALE,
          modalities: criterionModalities(block),
        }),
      ),
    );
  });
  block.blockCriteria?.forEach((criterion, k) => {
    nodes.push({
      id: criterion.id,
      code: criterion.code,
      type: 'criterion',
      label: criterion.label,
      description: "Critère portant sur le dossier de 5 pages du bloc dans son ensemble, rattaché à aucune compétence du bloc.",
      parent: blockId(b),
      order: block.units.length + k,
      assessable: true,
      scale: ACQUISITION_SCALE,
      modalities: criterion.modalities,
    });
  });
  return nodes;
}

export const cefiNodes: NodeInput[] = BLOCKS.flatMap(blockNodes);

/** Criterion ids of one block, in source order: what that block's modalities evaluate. */
export function blockCriterionIds(block: number): string[] {
  return cefiNodes
    .filter((node) => node.type === 'criterion' && node.id.startsWith(`bloc${block}-`))
    .map((node) => node.id);
}
