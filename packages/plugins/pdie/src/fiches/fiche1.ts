import { AFTER_THREE_MONTHS, type Fiche } from '../fiche.js';
import {
  ACCESS_TO_TRAINING_OR_JOB,
  COMPLIANCE_WITH_APPLICATION,
  FREE_TIME_FOR_PAPERWORK,
  ROME_CODES_FOR_SECTORS,
  RSA_CONTRACT,
  SKILLS_ASSESSMENT_TOOLS,
} from './common.js';

export const fiche1: Fiche = {
  id: 'fiche-1',
  number: '1',
  axis: 'axe-projet',
  title: 'Élaboration du projet professionnel',
  generalObjectives: [
    {
      label: "Permettre au public d’élaborer et de confirmer son projet professionnel",
      description:
        "Cette action doit permettre au public d’élaborer et de confirmer son projet professionnel. L’accompagnement proposé pourra prendre en charge l’ensemble de la démarche d’élaboration, ou être ciblé sur certaines étapes de l’élaboration du projet.",
    },
  ],
  publicProfile: [
    `Le public visé est allocataire du RSA résidant en Seine-Saint-Denis avec ${RSA_CONTRACT}, pour lequel différentes étapes de niveau d’élaboration du projet professionnel peuvent être définies :`,
    "– la personne n’a pas de projet professionnel stabilisé : il s’agira alors de lui faire découvrir le monde de l’entreprise et des secteurs porteurs, et qu’elle puisse travailler à un bilan personnel et professionnel et faire le point sur sa situation ;",
    "– la personne exprime une ou quelques idées de projets professionnels : il s’agira d’approfondir les pistes et d’en étudier la faisabilité ;",
    "– la personne a déjà une idée concrète de projet professionnel réaliste et réalisable : il s’agira de lui permettre de confirmer son projet par une mise en situation puis, une fois le projet confirmé, d’élaborer un plan d’action pour concrétiser ce projet (accès à la formation, à l’emploi, levée des obstacles).",
    "Dans tous les cas, le porteur de projet devra s’appuyer sur l’expérience des personnes et faire ressortir les compétences acquises ou à acquérir en lien avec le projet professionnel.",
  ].join('\n'),
  pedagogicalObjectives: [
    {
      label: 'Élaborer son projet professionnel',
      description:
        "Les actions pourront porter sur tout ou partie du schéma d’élaboration et de validation du projet.",
      items: [
        {
          label: 'Établir un bilan personnel et professionnel',
          description:
            "Faire le bilan de ses expériences, de ses centres d’intérêt, etc. ; faire un bilan de compétences…",
        },
        {
          label: 'Découvrir le monde professionnel et élargir son champ des possibles',
          description:
            'Découvrir le monde professionnel (cadre réglementaire, découverte des métiers…) et élargir son champ des possibles, en découvrant notamment des secteurs porteurs mal connus.',
        },
        {
          label: 'Approfondir des pistes de projets professionnels',
          description:
            "Approfondir des pistes de projets professionnels pour se centrer sur un secteur, ou sur un ou deux métiers accessibles, et réfléchir à un plan d’action pour réaliser son projet.",
        },
      ],
    },
    {
      label: 'Confirmer et valider son projet professionnel',
      items: [
        {
          label: 'Tester en situation le métier ciblé',
          description:
            "Tester en situation le métier ciblé, à travers une immersion en entreprise ou, à défaut, un plateau technique, et vérifier si les compétences sont acquises ou acquérables, et si les appétences et la représentation du métier sont correctes.",
        },
        {
          label: "Élaborer le plan d’action",
          description: "Définir les démarches à engager pour arriver à l’objectif d’exercer le métier choisi.",
        },
      ],
    },
  ],
  requirements: [
    {
      section: 'contenu',
      label: 'Démarche, méthodes pédagogiques et outils utilisés',
      description:
        "Le porteur de projet devra détailler la démarche mise en œuvre, les méthodes pédagogiques et les outils utilisés pour accompagner les personnes dans l’élaboration ou la validation de leur projet. La partie « validation » fera notamment ressortir une évaluation des compétences et aptitudes de la personne à l’emploi visé.",
    },
    ROME_CODES_FOR_SECTORS,
    {
      section: 'moyens',
      label: "Partenariat pour l’orientation vers l’action",
      description:
        "Le porteur de projet détaillera les modalités du partenariat mis en place pour l’orientation vers l’action : liens systématiques avec les services référents ; articulation des parcours avec d’autres organismes du PDIE, notamment pour l’étape de validation des projets…",
    },
    {
      section: 'moyens',
      label: "Orientation à l’issue de l’action et lien avec les services référents",
      description:
        "Le porteur de projet devra être en mesure d’orienter les participants vers différents acteurs de l’insertion professionnelle et de l’emploi à l’issue de l’action, notamment pour des suites de parcours, et devra conserver, tout au long de l’action, un lien avec les services référents dans le cadre du suivi individuel des participants.",
    },
    FREE_TIME_FOR_PAPERWORK,
  ],
  evaluationCriteria: [COMPLIANCE_WITH_APPLICATION],
  indicators: [
    { label: "Nombre d’entretiens" },
    { label: "Nombre d’ateliers" },
    { label: 'Nombre de bénéficiaires' },
    { label: 'Suites de parcours' },
    { label: 'Nombre de projets validés' },
    { label: 'Évaluation des compétences acquises / à acquérir', description: SKILLS_ASSESSMENT_TOOLS },
    { label: ACCESS_TO_TRAINING_OR_JOB, timing: AFTER_THREE_MONTHS },
  ],
};
