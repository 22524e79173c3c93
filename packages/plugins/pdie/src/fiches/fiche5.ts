import type { Fiche } from '../fiche.js';
import { EMPLOYMENT_SECTOR_SOURCES, RELEVANCE_TO_OPPORTUNITY } from './common.js';
import {
  businessPartnerships,
  companyPlacement,
  jobSearchSkills,
  recruitment,
  referentServicesLink,
  sectorAnalysis,
  technicalPlatforms,
  traineeDocuments,
} from './training.js';

export const fiche5: Fiche = {
  id: 'fiche-5',
  number: '5',
  axis: 'axe-professionnelles',
  title: 'Qualification',
  context:
    "Contexte et opportunité : certains métiers exigent pour leur exercice l’obtention d’une certification, condition d’accès au métier soit par la réglementation, soit par exigence des recruteurs, soit pour accéder à un concours.",
  generalObjectives: [
    {
      label: "Obtenir une certification nécessaire à l’emploi",
      description:
        "Un diplôme, un titre professionnel ou un certificat de qualification professionnelle reconnu par la branche professionnelle, nécessaire à l’emploi.",
    },
    { label: "Accéder à un emploi durable à l’issue de la formation" },
  ],
  publicProfile: [
    'Le public visé est allocataire du RSA résidant en Seine-Saint-Denis avec :',
    "– un parcours d’insertion formalisé dans un Contrat d’Engagement Réciproque (CER) ou un PPAE (Projet Personnalisé d’Accès à l’Emploi) ;",
    '– un projet professionnel confirmé.',
  ].join('\n'),
  // The fiche states no pedagogical objectives apart from its general ones and the certification's.
  pedagogicalObjectives: [],
  requirements: [
    {
      section: 'note',
      label: "Filière, code ROME, métiers pourvoyeurs d’emplois et certification nécessaire pour y accéder",
      description:
        "Le porteur de projet présentera une certification nécessaire à l’obtention d’un emploi dans les filières porteuses d’emploi, et en particulier dans les filières prioritaires (transition écologique, numérique). Une attention particulière sera portée à la note d’opportunité du dossier de candidature. Le porteur de projet y indiquera la filière ou le secteur choisi en précisant le code ROME, et montrera d’une part que les métiers présentés sont pourvoyeurs d’emplois, d’autre part que la certification proposée est une condition nécessaire pour accéder à ces emplois.\n" + EMPLOYMENT_SECTOR_SOURCES,
    },
    sectorAnalysis('qualifications'),
    {
      section: 'calendrier',
      label: 'Durée, contenu et stages conformes à la réglementation de la certification visée',
      description:
        "Pour ces actions préparant l’obtention d’une certification (diplômes, titres, CQP, etc.), la durée et le contenu ainsi que les périodes de stage pratique devront respecter les exigences des réglementations relatives aux diplômes ou certifications visés.",
    },
    {
      section: 'contenu',
      label: 'Références des certifications et modalités de présentation aux épreuves',
      description:
        'Les références des certifications devront être précisées et transmises, ainsi que les modalités de présentation aux épreuves.',
    },
    {
      section: 'contenu',
      label: 'Module « Communication » avec gestion du stress',
      description:
        "Les contenus minimums liés aux référentiels de certification devront également comporter un module « Communication » comportant une partie sur les codes sociaux, les comportements en entreprise (relations aux collègues, à la hiérarchie…), mais également une partie sur la gestion du stress, avec par exemple des mises en situation lors d’examens blancs dans les conditions des épreuves qu’ils auront à passer.",
    },
    {
      section: 'contenu',
      label: "Module « Techniques de recherche d’emploi / Accompagnement à l’emploi »",
      description: [
        "Dans le cadre de la formation, les stagiaires sont amenés à réaliser une période en entreprise. Cette recherche de stage est une mise en pratique des techniques de recherche d’emploi (TRE). Ce module doit permettre aux stagiaires de :",
        ...jobSearchSkills(true),
        "Il est important que ces TRE soient bien en lien avec les employeurs du secteur et du ou des métiers visés par la formation, et non « généralistes » (témoignages d’entreprises, d’anciens stagiaires, conseils, simulations d’entretiens par des professionnels…).",
      ].join('\n'),
    },
    {
      section: 'contenu',
      label: 'Adaptation du contenu aux besoins en compétences identifiés avec les employeurs',
      description:
        "Selon les exigences et les besoins en compétences identifiés avec des employeurs, le porteur de projet pourra adapter le contenu de l’action en ajoutant aux contenus exigés ce qui lui semble améliorer la réussite des parcours.",
    },
    technicalPlatforms,
    companyPlacement,
    businessPartnerships,
    recruitment,
    {
      section: 'moyens',
      label: 'Lien avec les prescripteurs et les services référents',
      description: [
        'Le porteur de projet indiquera les procédés choisis pour informer les prescripteurs :',
        '– en amont du démarrage des actions ;',
        "– durant l’action ;",
        "– en fin d’action, en précisant les suites de parcours ou la réorientation de chaque stagiaire.",
        referentServicesLink,
      ].join('\n'),
    },
    traineeDocuments(
      "Le porteur de projet s’engage à accompagner les stagiaires pour leur faciliter les démarches d’inscription aux épreuves.",
    ),
  ],
  evaluationCriteria: [
    {
      label:
        "Conformité de l’action avec les objectifs et les conditions de mise en œuvre présentés dans le dossier de candidature",
    },
    RELEVANCE_TO_OPPORTUNITY,
  ],
  indicators: [
    { label: 'Nombre de bénéficiaires' },
    { label: 'Évaluation des acquis en fin de formation', timing: 'En fin de formation' },
    { label: 'Réussite aux examens nécessaires à la qualification' },
    {
      label: "Accès à l’emploi des bénéficiaires à l’issue de l’action et 3 mois après l’action",
      timing: "À l’issue de l’action et 3 mois après l’action",
    },
  ],
};
