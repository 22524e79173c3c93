import type { NodeInput } from './types.js';

export const METHOD_NODE = 'codeveloppement';
export const CASES_NODE = 'etudes-de-cas';
export const stepId = (n: number) => `etape-${n}`;
export const CASE = { platform: 'atelier-1', gpect: 'atelier-2', tzcld: 'atelier-3' } as const;

const STEPS: ReadonlyArray<{ label: string; description: string }> = [
  {
    label: 'Exposé de la problématique',
    description:
      "La séance commence par la présentation d’une situation actuelle sur laquelle le client s’interroge. Le client a deux finalités : à la fois résoudre son problème, mais aussi améliorer sa pratique. Présenter une problématique est un aspect essentiel en codéveloppement, car ce processus favorise à lui seul la prise de recul et la propre compréhension du client.",
  },
  {
    label: 'Clarification',
    description:
      "La clarification doit permettre aux consultants de se faire une idée claire de la demande du client. Ils sont donc amenés à le questionner pour lui faire repréciser certains points. L’intérêt de cette étape est aussi de faciliter l’objectivation du client.",
  },
  {
    label: 'Contrat de consultation',
    description:
      "Une fois que le client a présenté le plus clairement possible sa situation et que les consultants ont tous les éléments objectifs, il est très important que le client reformule son attente précise vis-à-vis des consultants, sous la forme d’une question précise. Les consultants doivent à ce moment-là avoir une vision claire et commune de l’attente du client. Le contrat constitue la base de la consultation.",
  },
  {
    label: 'Consultation',
    description:
      "Les consultants livrent ici leurs impressions, questions, suggestions pratiques ou partages d’expériences. Ils sont centrés sur le client et lui offrent tout ce qui peut l’aider à penser et agir. La phrase clé pour le consultant lors de cette étape est « Comment puis-je aider ce client ? ». Le client ne répond pas : il écoute et prend des notes.",
  },
  {
    label: "Synthèse et plan d’action",
    description:
      "À partir de toutes les informations reçues, le client dégage tout d’abord une synthèse des principaux éléments qu’il a retenus pour arriver ensuite à un premier plan d’action, réalisable à court terme. Lors de la séance suivante, le client sera amené à faire un point sur son plan d’action et les résultats atteints, ou non.",
  },
  {
    label: 'Partage des apprentissages de chacun',
    description:
      "Il s’agit là pour chacun de réfléchir à sa propre pratique et de s’approprier la démarche. Ce faisant, les participants apprennent à objectiver leur situation, à prendre le recul nécessaire. Souvent, les participants font ce constat : « Je ne me suis jamais vraiment arrêté pour réfléchir à ce que je fais ».",
  },
];

const CASES: ReadonlyArray<{ id: string; label: string; description: string }> = [
  {
    id: CASE.platform,
    label:
      "Comment valoriser les atouts d’une plateforme existante de partage de compétences et mieux communiquer auprès des entreprises ?",
    description:
      "Étude de cas présentée par le Pays Bassin d’Arcachon-Val de l’Eyre (BARVAL) : la plateforme de partage de compétences Connect'ences, créée en 2018 pour répondre aux besoins à temps partagé des entreprises identifiés par une GPECT. Question posée par le territoire : comment valoriser les atouts de la plateforme (en particulier son rôle dans la sécurisation des recrutements) et mieux communiquer auprès des entreprises ? Quinze participants consultants.",
  },
  {
    id: CASE.gpect,
    label:
      "Sur la base d’un diagnostic d’une GPECT, comment passer à l’action en mobilisant l’ensemble des parties prenantes ?",
    description:
      "Étude de cas présentée par le Pôle d’équilibre territorial et rural (PETR) de la Vallée de la Dordogne Corrézienne : une gestion prévisionnelle des emplois et des compétences territoriale (GPECT) transversale à l’ensemble des filières, entre diagnostic et plan d’action. Question posée par le territoire : sur la base d’un diagnostic en cours de finalisation, comment passer à l’action en mobilisant l’ensemble des parties prenantes ? Sept participants consultants.",
  },
  {
    id: CASE.tzcld,
    label: "Comment mobiliser les personnes privées d’emploi et qui ne sont pas identifiées par les services publics ?",
    description:
      "Étude de cas présentée par le Pôle d’équilibre territorial et rural (PETR) Monts et Barrages : l’expérimentation Territoire zéro chômeur de longue durée, territoire émergent depuis 2019, comité local pour l’emploi créé en 2021, objectif de créer une entreprise à but d’emploi (EBE). Treize participants consultants.",
  },
];

export const codevNodes: NodeInput[] = [
  {
    id: METHOD_NODE,
    type: 'block',
    label: 'La méthode de codéveloppement',
    description:
      "Cette technique d’animation vise à réfléchir et à améliorer avec d’autres sa pratique professionnelle. L’un des participants prend le rôle de « client », les autres étant ses « consultants ». Ces derniers ont pour objectif central et unique d’aider le client. La démarche, très structurée, s’articule autour de six étapes.",
    order: 0,
    assessable: false,
  },
  ...STEPS.map(
    (step, index): NodeInput => ({
      id: stepId(index + 1),
      code: `Étape ${index + 1}`,
      type: 'activity',
      label: step.label,
      description: step.description,
      parent: METHOD_NODE,
      order: index,
      assessable: false,
    }),
  ),
  {
    id: CASES_NODE,
    type: 'block',
    label: 'Études de cas territoriales',
    description:
      "Les trois ateliers du webinaire « Passage à l’action ! » du 15 juin 2021 (cycle « Dynamiques territoriales pour l’emploi ») : « Comment mieux coopérer localement entre acteurs de l’emploi, de l’insertion et de la formation ? ». Un quatrième atelier, consacré à l’entreprise d’insertion par le travail indépendant (EITI), n’est pas rapporté.",
    order: 1,
    assessable: false,
  },
  ...CASES.map(
    (study, index): NodeInput => ({
      id: study.id,
      code: `Atelier ${index + 1}`,
      type: 'situation',
      label: study.label,
      description: study.description,
      parent: CASES_NODE,
      order: index,
      assessable: false,
    }),
  ),
];
