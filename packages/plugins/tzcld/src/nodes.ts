import { ALL_MODALITIES } from './modalities.js';
import { ACQUISITION_SCALE } from './scales.js';
import type { NodeInput } from './types.js';

interface Competency {
  activity: { label: string; description?: string };
  label: string;
  /** The annexes the source lists for this competency, besides the dossier and the oral. */
  annexes: string;
  criteria: string[];
}

/**
 * Activities and competencies pair one to one in the source: the four activities of the
 * professional situation, in order, are those that CP1 to CP4 certify.
 */
const COMPETENCIES: Competency[] = [
  {
    activity: {
      label:
        "Communiquer auprès de l’ensemble des acteurs et actrices du territoire, les convaincre et les fédérer autour du projet d’accès à l’emploi",
    },
    label:
      "Défendre le projet de coopération territoriale d’accès à l’emploi des personnes qui en sont durablement privées pour emporter l’adhésion des différentes parties prenantes du territoire, en présentant des arguments convaincants et une stratégie de communication adaptée, dans une logique d’inclusion des personnes en situation de handicap",
    annexes: 'plan de communication, outils de communication…',
    criteria: [
      'Le pitch et les outils de communication présentés avec le dossier écrit comportent les convictions et fondamentaux du projet TZCLD.',
      'Les arguments du pitch, les actions et les outils de communication présentés par le candidat sont adaptés aux destinataires et leurs intérêts, en tenant compte des personnes en situation de handicap.',
      "Le candidat présente un plan de communication complet, comportant : des objectifs SMART ; plusieurs cibles ; divers canaux, outils et événements ; un planning de mise en œuvre, un budget et des indicateurs d’évaluation.",
      "Le plan de communication du territoire présenté par le candidat intègre des événements nationaux et locaux de promotion de l’emploi des personnes qui en sont durablement privées.",
      "L’expression orale et écrite du candidat est compréhensible, précise et structurée.",
    ],
  },
  {
    activity: {
      label: 'Déployer une méthodologie de projet adaptée aux besoins et objectifs stratégiques du territoire',
      description: "Définir un plan d’actions et mobiliser les moyens (humains, matériels et financiers) appropriés.",
    },
    label:
      "Déterminer le plan d’actions échéancé et les moyens (humains, matériels et financiers) appropriés pour structurer la mise en œuvre du projet en s’adaptant au contexte du territoire, en informant et rencontrant toutes les personnes durablement privées d’emploi et en identifiant collectivement les activités complémentaires permettant de créer les emplois supplémentaires nécessaires au territoire",
    annexes: "plan d’actions, budget et outil de veille financements",
    criteria: [
      "Le plan d’actions reprend la structure de la méthode projet TZCLD, à savoir les 4 phases : fabrique et animation du consensus, rencontre et mobilisation des personnes privées durablement d’emploi, identification des travaux utiles et ouverture des entreprises à but d’emploi (si pertinent).",
      "Le plan d’actions est élaboré et priorisé en fonction des objectifs stratégiques et du contexte du territoire.",
      "Les besoins de financement pour développer le projet sur le territoire sont présentés sous la forme d’un budget (charges et produits) et la méthode de veille sur les sources de financements exposée : partenariats, mécénat, appels à projet, subventions publiques.",
    ],
  },
  {
    activity: {
      label: "Créer et animer une dynamique collective en plaçant au centre les personnes durablement privées d’emploi",
      description:
        "Préparation et animation du comité local pour l’emploi (CLE) pour engager et organiser les contributions.",
    },
    label:
      "Développer les coopérations territoriales multi-partenariales pour proposer une diversité de solutions adaptées aux personnes durablement privées d’emploi en établissant un diagnostic des parties prenantes du territoire (identification des parties prenantes et analyse des freins et des leviers d’actions), en proposant les modalités de coopérations ad hoc et en veillant à l’implication des personnes concernées",
    annexes: "plan d’actions, outil de recensement des acteurs et actrices du territoire, outils de communication",
    criteria: [
      "La cartographie des parties prenantes qualifie leur niveau d’implication (d’absent à actif).",
      "Le candidat expose les stratégies et actions visant à susciter la participation des parties prenantes du projet, et en particulier des personnes privées durablement d’emploi.",
      "La coopération multi-partenariale est structurée via des espaces ad hoc de co-construction planifiés, sur la stratégie d’atteinte de l’exhaustivité, la définition et la qualification de la privation durable d’emploi et la supplémentarité des emplois.",
      "Le plan d’actions décrit les responsabilités, rôles et missions des parties prenantes du territoire.",
    ],
  },
  {
    activity: {
      label:
        "Piloter et suivre le projet territorial d’accès à l’emploi en vue d’atteindre l’exhaustivité (c’est-à-dire garantir l’accès à l’emploi de toutes les personnes qui en sont durablement privées)",
      description:
        "Réalisation d’un diagnostic de la privation d’emploi sur le territoire et suivi/reporting d’un plan d’actions territorial associant les différentes parties prenantes.",
    },
    label:
      "Évaluer et ajuster les actions mises en œuvre pour garantir l’accès à l’emploi de toutes les personnes qui en sont durablement privées en utilisant les indicateurs de pilotage appropriés",
    annexes: "plan d’actions, tableau de bord exhaustivité territoriale",
    criteria: [
      "Le candidat explicite la méthode de diagnostic de la privation d’emploi sur le territoire permettant de bâtir une stratégie d’atteinte de l’exhaustivité et présente les indicateurs de suivi spécifiques.",
      "Des indicateurs d’évaluation sont déterminés localement pour mesurer l’atteinte des grands objectifs du plan d’actions.",
      "Le candidat commente les écarts entre objectifs et résultats obtenus, les dysfonctionnements et problématiques rencontrées dans la mise en œuvre du projet et propose des ajustements au plan d’actions.",
    ],
  },
];

export const competencyId = (n: number) => `cp${n}`;
export const criterionId = (cp: number, c: number) => `cp${cp}-c${c}`;

export const tzcldNodes: NodeInput[] = COMPETENCIES.flatMap((competency, index) => {
  const n = index + 1;
  return [
    {
      id: `activite-${n}`,
      code: `Activité ${n}`,
      type: 'activity',
      label: competency.activity.label,
      description: competency.activity.description,
      order: index,
      assessable: false,
    },
    {
      id: competencyId(n),
      code: `CP${n}`,
      type: 'competency',
      label: competency.label,
      description: `Modalités d’évaluation : dossier écrit du candidat ; annexes du dossier candidat (${competency.annexes}) ; présentation orale (pitch et Q/R).`,
      parent: `activite-${n}`,
      order: 0,
      assessable: false,
      modalities: ALL_MODALITIES,
    },
    ...competency.criteria.map(
      (label, c): NodeInput => ({
        id: criterionId(n, c + 1),
        code: `CP${n}-C${c + 1}`,
        type: 'criterion',
        label,
        parent: competencyId(n),
        order: c,
        assessable: true,
        scale: ACQUISITION_SCALE,
        modalities: ALL_MODALITIES,
      }),
    ),
  ];
});

export const criterionIds: string[] = tzcldNodes.filter((node) => node.type === 'criterion').map((node) => node.id);
