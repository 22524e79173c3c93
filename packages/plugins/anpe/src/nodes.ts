import { MODALITY, NODE } from './ids.js';
import { KEY_COMPETENCIES, type KeyCompetencySource } from './keyCompetencies.js';
import { MASTERY_SCALE } from './scales.js';
import type { NodeInput } from './types.js';

const ALL_MODALITIES = [MODALITY.dossier, MODALITY.interview, MODALITY.commission];
const WRITTEN = [MODALITY.dossier, MODALITY.commission];

export const competencyId = (code: string) => code.toLowerCase();
export const exampleId = (code: string, n: number) => `${competencyId(code)}-situation-${n}`;
export const criterionId = (code: string, n: number) => `${competencyId(code)}-critere-${n}`;

const jobContent: NodeInput[] = [
  {
    id: NODE.jobContent,
    type: 'block',
    label: "Le contenu de l’emploi repère",
    description: [
      "L’emploi de conseiller, chargé de projet emploi, se situe au niveau IVA dans la filière métier du conseil à l’emploi.",
      "L’emploi s’exerce sur des missions de bassin ou inter-ALE sur un territoire disposant de multiples acteurs (où la cohérence d’intervention se justifie). La pertinence de la mission s’apprécie au regard des besoins et des enjeux de développement du territoire concerné : résolution de situations complexes, de problématiques liées aux domaines de l’insertion et de l’intermédiation, du développement de l’expertise d’un ou plusieurs collectifs, de l’intervention de plusieurs acteurs…",
      "L’ancrage de la fonction de conseiller chargé de projet emploi repose sur une expertise technique du cœur de métier du conseil : le conseil à l’emploi, sa capacité à transférer ses compétences et à adapter ou à construire des méthodologies d’intervention ; et sur des activités fonctionnelles d’animation, de coordination d’actions internes et/ou externes, de conduite de projet pour le compte de plusieurs unités sur des priorités définies par la région.",
      "Les résultats attendus : optimiser les résultats de placement et d’intermédiation ; renforcer l’expertise collective par un appui méthodologique ou technique, par des méthodes ciblées sur l’atteinte des résultats, sur le développement de l’expertise des collègues.",
      "Les compétences clefs sont mobilisées dans les activités réalisées en fonction du contexte d’exercice de l’emploi, des missions, pour répondre à la demande de l’Établissement.",
    ].join('\n'),
    order: 0,
    assessable: false,
  },
  {
    id: 'responsable-projets',
    type: 'activity',
    label: "Responsable de projets et/ou de plans d’actions transverses sur un bassin pour optimiser les résultats",
    description: [
      'piloter des projets transverses en réponse aux priorités locales ou de bassin ;',
      "intervenir en appui au réseau interne et externe pour renforcer la maîtrise opérationnelle dans le champ d’intervention de sa mission ;",
      "coordonner un réseau d’acteurs (animation, coordination, suivi et pilotage) ;",
      "gérer l’interface entre l’agence et les partenaires en suivant et contrôlant le respect des engagements contractuels : qualité du résultat, conformité du service fourni au regard du cahier des charges (délais, coûts) ;",
      'assurer une activité de reporting permanent auprès du DDA ou du DALE (sur résultats, prises de décision).',
    ]
      .map((line) => `- ${line}`)
      .join('\n'),
    parent: NODE.jobContent,
    order: 0,
    assessable: false,
  },
  {
    id: 'contributeur-production',
    type: 'activity',
    label: 'Contributeur de la production de services au niveau de son ALE dans une logique de résultats',
    description: [
      "réaliser les activités de production de services qui contribuent à alimenter les résultats de l’unité ;",
      'assurer le transfert de sa technicité dans les situations ayant pour objet de faciliter le travail de coproduction et le développement des bonnes pratiques professionnelles ;',
      'mettre à disposition des équipes des analyses, des études visant à faciliter et à optimiser leurs activités.',
    ]
      .map((line) => `- ${line}`)
      .join('\n'),
    parent: NODE.jobContent,
    order: 1,
    assessable: false,
  },
];

function keyCompetencyNodes(source: KeyCompetencySource, order: number): NodeInput[] {
  const id = competencyId(source.code);
  return [
    {
      id,
      code: source.code,
      type: 'competency',
      label: source.label,
      description: source.description,
      parent: NODE.keyCompetencies,
      order,
      assessable: true,
      key: true,
      scale: MASTERY_SCALE,
      modalities: ALL_MODALITIES,
    },
    ...source.examples.map(
      (example, i): NodeInput => ({
        id: exampleId(source.code, i + 1),
        code: `${source.code}-S${i + 1}`,
        type: example.type,
        label: example.label,
        ...(example.description === undefined ? {} : { description: example.description }),
        parent: id,
        order: i,
        assessable: false,
      }),
    ),
    // The commission appraises the competency through these criteria; it rates the competency itself.
    ...source.criteria.map(
      (label, i): NodeInput => ({
        id: criterionId(source.code, i + 1),
        code: `${source.code}.${i + 1}`,
        type: 'criterion',
        label,
        parent: id,
        order: source.examples.length + i,
        assessable: false,
      }),
    ),
  ];
}

const priorLearning: NodeInput[] = [
  {
    id: NODE.priorLearning,
    type: 'requirement',
    label: "Les acquis formalisés de la formation et de l’expérience",
    description: [
      "Des éléments formalisés d’acquis de l’expérience et/ou de la formation que l’agent souhaite valoriser et pour lesquels il peut démontrer la plus-value qu’ils représentent pour tenir l’emploi : titres et diplômes obtenus, actions de formation initiale ou continue, expérience hors ANPE, en lien avec l’emploi.",
      "À noter : si l’agent souhaite les valoriser, il devra être en mesure de démontrer l’intérêt qu’ils représentent pour l’exercice de l’emploi.",
    ].join('\n'),
    order: 2,
    assessable: false,
    modalities: WRITTEN,
  },
  {
    id: 'validations-obtenues',
    type: 'requirement',
    label: 'Les validations obtenues',
    description: "Les diplômes, validations des acquis de l’expérience, attestations d’acquis, équivalences.",
    parent: NODE.priorLearning,
    order: 0,
    assessable: false,
  },
  {
    id: 'formations-suivies',
    type: 'requirement',
    label: 'Les formations suivies',
    description: 'Formation initiale, formation continue (contenu, durée, organisme de formation…).',
    parent: NODE.priorLearning,
    order: 1,
    assessable: false,
  },
  {
    id: 'experiences-professionnelles',
    type: 'requirement',
    label: 'Les expériences professionnelles',
    description: "En lien avec l’emploi.",
    parent: NODE.priorLearning,
    order: 2,
    assessable: false,
  },
];

export const anpeNodes: NodeInput[] = [
  ...jobContent,
  {
    id: NODE.keyCompetencies,
    type: 'block',
    label: "Les compétences clefs de l’emploi repère",
    description: [
      "Ensemble des « ressources », connaissances, savoir-faire, que la personne mobilise pour agir avec compétence. Il s’agit de compétences incontournables et caractéristiques de l’emploi, qu’il faut posséder pour être validé dans son emploi.",
      "Elles s’identifient et s’évaluent à travers l’ensemble des activités et situations professionnelles. La situation professionnelle est un ensemble d’éléments qui précise le contexte dans lequel se réalisent les activités et se mobilisent les compétences. Elle se caractérise par un lieu d’exercice, par la nature de la relation d’exercice (avec qui et pour qui on fait l’activité) ou par un ensemble coordonné d’actes professionnels.",
      "La validation s’effectue à partir de l’analyse de la pratique professionnelle en regard du contexte d’exercice et des compétences clefs : la description de la manière de procéder permet de souligner la présence ou non des compétences clefs et de préciser le degré de maîtrise des compétences clefs mobilisées dans la mise en œuvre des activités et des situations professionnelles.",
    ].join('\n'),
    order: 1,
    assessable: false,
  },
  ...KEY_COMPETENCIES.flatMap(keyCompetencyNodes),
  ...priorLearning,
  {
    id: NODE.managerAttestation,
    type: 'requirement',
    label: "L’attestation du responsable",
    description:
      "La validation prend en compte l’attestation du responsable. Le référentiel sert à l’encadrement à identifier le niveau requis pour attester la mobilisation des compétences clefs dans la réalisation des situations professionnelles et activités lorsque l’agent le sollicitera ; les critères d’appréciation permettent au responsable d’attester la réalité de la pratique professionnelle.",
    order: 3,
    assessable: false,
    modalities: WRITTEN,
  },
];
