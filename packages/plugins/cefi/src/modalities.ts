import { MODALITY, TEMPLATE } from './ids.js';
import { blockCriterionIds } from './nodes.js';
import type { ModalityInput } from './types.js';

/** The stages of project methodology that the source asks the bloc 3 mind map to show, in order. */
export const MIND_MAP_STAGES = [
  'une contextualisation de la problématique (état des lieux, diagnostic)',
  "l’initialisation du projet",
  "l’analyse de sa faisabilité en termes de ressources et de partenaires",
  'la préparation (stratégie de communication et planification du projet)',
  'la mise en œuvre du projet',
  'son évaluation',
] as const;

const list = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');

const bloc3Criteria = blockCriterionIds(3);

export const cefiModalities: ModalityInput[] = [
  {
    id: MODALITY.memoireBloc1,
    kind: 'dissertation',
    label: 'Mémoire professionnel — bloc 1',
    description: `Un mémoire professionnel de 30 pages portant sur une problématique rencontrée par le candidat dans sa pratique professionnelle d’accompagnement de publics. Il comprend :\n${list([
      'une contextualisation de la problématique choisie ;',
      "la description et l’analyse d’une ou plusieurs situations d’accompagnement de personnes dans leurs démarches d’élaboration et de construction de projets d’insertion professionnelle ;",
      "une expérience professionnelle analysée en référence aux cadres théoriques de l’accompagnement et de l’orientation ;",
      "l’évaluation de sa pratique d’accompagnement dans une perspective d’amélioration et d’optimisation de sa pratique professionnelle.",
    ])}`,
    constraints: { pages: 30 },
    evaluates: blockCriterionIds(1),
    templates: [TEMPLATE.memoireBloc1],
  },
  {
    id: MODALITY.memoireBloc2,
    kind: 'dissertation',
    label: 'Mémoire professionnel — bloc 2',
    description: `Un mémoire professionnel de 30 pages portant sur une problématique rencontrée par le candidat dans sa pratique professionnelle d’intermédiation et d’accompagnement vers et dans l’emploi. Il comprend :\n${list([
      'une contextualisation de la problématique choisie ;',
      "l’analyse du fonctionnement d’une entreprise en termes de politiques de ressources humaines, de procédures de recrutement, d’analyse de postes de travail ;",
      "l’analyse des caractéristiques du public accompagné ;",
      "la médiation possible et nécessaire entre les deux pour favoriser l’insertion professionnelle ;",
      "les enseignements de cette intermédiation dans la perspective de faire évoluer ses pratiques de relations avec les entreprises, de mise en relation entre les offres d’emploi et ses pratiques d’accompagnement du public vers et dans l’emploi.",
    ])}`,
    constraints: { pages: 30 },
    evaluates: blockCriterionIds(2),
    templates: [TEMPLATE.memoireBloc2],
  },
  {
    id: MODALITY.carteMentaleBloc3,
    kind: 'mind_map',
    label: 'Bloc 3 — carte mentale',
    description: `Une carte mentale détaillée portant sur la participation du candidat à la conduite d’un projet en faveur de l’insertion de ses publics, assortie d’un dossier de 5 pages. La carte mentale comprend les différentes étapes de la méthodologie de projets :\n${list(MIND_MAP_STAGES)}`,
    evaluates: bloc3Criteria.filter((id) => id !== 'bloc3-recul'),
    templates: [TEMPLATE.carteMentaleBloc3],
  },
  {
    id: MODALITY.dossierBloc3,
    kind: 'written_dossier',
    label: 'Bloc 3 — dossier de 5 pages',
    description:
      'Un dossier de 5 pages, qui accompagne la carte mentale, explicitant le rôle et la posture du candidat dans le projet et une analyse de sa pratique professionnelle.',
    constraints: { pages: 5 },
    evaluates: ['bloc3-recul'],
    templates: [TEMPLATE.dossierBloc3],
  },
];
