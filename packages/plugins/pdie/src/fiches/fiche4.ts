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

const reinforceGeneralSkills =
  "Renforcer, si nécessaire au regard des publics ciblés et du secteur visé, les compétences en communication écrite et orale en lien avec le secteur visé, les connaissances mathématiques…";

export const fiche4: Fiche = {
  id: 'fiche-4',
  number: '4',
  axis: 'axe-professionnelles',
  title: 'Pré-qualification – professionnalisation',
  context:
    "Opportunité : afin de sécuriser les parcours d’insertion des allocataires du RSA, des actions de pré-qualification et de professionnalisation sont souvent nécessaires pour préparer les publics à l’accès à une formation certifiante ou à un emploi. Certains emplois sont accessibles avec des certifications partielles, telles que les CQP, voire, pour certains, sans certification mais en ayant acquis les gestes et techniques spécifiques au métier visé et nécessaires pour accéder à l’emploi.",
  generalObjectives: [
    { label: "Confirmer un projet professionnel dans le secteur visé par l’action" },
    {
      label:
        "Accéder à une formation qualifiante si elle est nécessaire au retour à l’emploi, ou obtenir un niveau de formation permettant d’accéder à une formation de niveau supérieur ou à un concours",
    },
    { label: "Accéder à un emploi durable à l’issue de la formation" },
  ],
  publicProfile: [
    'Le public visé est allocataire du RSA résidant en Seine-Saint-Denis avec :',
    "– un parcours d’insertion formalisé dans un Contrat d’Engagement Réciproque (CER) ;",
    "– un projet professionnel à confirmer pour les actions d’accès à la qualification, ou déjà confirmé pour les actions de professionnalisation.",
  ].join('\n'),
  pedagogicalObjectives: [],
  actionTypes: [
    {
      letter: 'A',
      label: 'Pré-qualification',
      description:
        "S’orienter vers la formation certifiante la plus adéquate et satisfaire à ses prérequis. Il s’agit de permettre aux personnes :",
      itemType: 'objective',
      items: [
        {
          label: 'Confirmer leur projet dans un secteur',
          description:
            "En leur faisant découvrir les environnements professionnels auxquels elles se destinent, les différents postes possibles et les moyens d’y parvenir, notamment par des formations certifiantes.",
        },
        {
          label: 'Acquérir des compétences techniques et des gestes professionnels',
          description: 'Et les mettre en pratique pour ensuite étayer leur candidature.',
        },
        {
          label: 'Engager éventuellement une première étape de validation des compétences acquises ou préparer un concours',
        },
        { label: 'Renforcer les compétences en communication et les connaissances générales', description: reinforceGeneralSkills },
      ],
    },
    {
      letter: 'B',
      label: 'Professionnalisation',
      description:
        "Valoriser les compétences et expériences professionnelles acquises pour répondre aux exigences des employeurs. Il s’agit de permettre aux personnes :",
      itemType: 'objective',
      items: [
        {
          label: 'Actualiser, compléter, transposer, acquérir des connaissances et des compétences techniques',
          description:
            'Dans un secteur, un métier, en leur faisant découvrir les différents environnements professionnels auxquels elles se destinent.',
        },
        { label: 'Acquérir des compétences techniques et des gestes professionnels' },
        { label: 'Les mettre en pratique' },
        { label: 'Renforcer les compétences en communication et les connaissances générales', description: reinforceGeneralSkills },
      ],
    },
  ],
  requirements: [
    {
      section: 'note',
      label: "Filière, code ROME, métiers pourvoyeurs d’emplois et accès à ces emplois par la formation",
      description:
        "Le porteur de projet présentera une action visant l’accès à une formation ou à un emploi dans les filières porteuses d’emploi, et en particulier dans les filières prioritaires (transition écologique, numérique). Une attention particulière sera portée à la note d’opportunité du dossier de candidature. Le porteur de projet y indiquera la filière ou le secteur choisi en précisant le code ROME, et montrera d’une part que les métiers présentés sont pourvoyeurs d’emplois, d’autre part que la formation proposée permettra l’accès à ces emplois.\n" + EMPLOYMENT_SECTOR_SOURCES,
    },
    sectorAnalysis('compétences'),
    {
      section: 'public',
      label: "Publics visés et secteurs proposés selon le type d’action A ou B",
      description: "En fonction du type d’action A ou B, il s’agira de préciser les publics visés et les secteurs proposés.",
    },
    {
      section: 'contenu',
      label: 'Confirmation du projet, appréhension fine des métiers et des suites de parcours',
      description:
        "Outre les modules liés à l’acquisition des connaissances et des compétences techniques, un travail de confirmation du projet, une appréhension fine des métiers et des postes ainsi que des suites de parcours possibles devront être proposés.",
    },
    {
      section: 'contenu',
      label: 'Module de renforcement des connaissances générales',
      description:
        "Un ou des modules de renforcement des connaissances générales, à adapter en fonction du type d’action A ou B selon qu’il vise l’appropriation ou la réappropriation des connaissances générales pour mieux acquérir les connaissances techniques à mobiliser en situation de travail, ou pour satisfaire aux prérequis d’une formation de niveau supérieur. Il peut s’agir de français langue professionnelle ou de français en situation de travail.",
    },
    {
      section: 'contenu',
      label: 'Module « Communication »',
      description:
        "Un module « Communication » comportant une partie sur les codes sociaux, les comportements en entreprise, les relations aux collègues et à la hiérarchie, mais également une partie sur la gestion du stress lié au passage des tests et des entretiens qu’ils auront à passer.",
    },
    {
      section: 'contenu',
      label: "Module « Techniques de recherche d’emploi / Accompagnement à l’emploi »",
      description: [
        "Dans le cadre de la formation, les stagiaires sont amenés à réaliser une période en entreprise. Cette recherche de stage est une mise en pratique des techniques de recherche d’emploi (TRE). Ce module doit permettre aux stagiaires de :",
        ...jobSearchSkills(false),
        "Il est important que ces TRE soient bien en lien avec les employeurs du secteur et du ou des métiers visés par la formation, et non « généralistes » (témoignages d’entreprises, conseils, simulations d’entretiens par des professionnels…).",
      ].join('\n'),
    },
    technicalPlatforms,
    companyPlacement,
    businessPartnerships,
    recruitment,
    {
      section: 'moyens',
      label: 'Lien avec les prescripteurs et les services référents',
      description: `Le porteur de projet indiquera les procédés choisis pour informer les prescripteurs et les partenaires des suites de parcours ou de la réorientation de chaque stagiaire. ${referentServicesLink}`,
    },
    traineeDocuments(
      "Le porteur de projet s’engage à accompagner les stagiaires pour leur faciliter les démarches d’inscription aux épreuves, si elles sont prévues dans l’action.",
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
    { label: 'Réussite aux certifications partielles nécessaires' },
    { label: "Réussite aux tests d’entrée en formation certifiante" },
    {
      label: "Accès à l’emploi des bénéficiaires à l’issue de l’action et 3 mois après l’action",
      timing: "À l’issue de l’action et 3 mois après l’action",
    },
  ],
};
