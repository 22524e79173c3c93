import type { Fiche } from '../fiche.js';
import { COMPLIANCE_WITH_APPLICATION, RSA_CONTRACT, SKILLS_ASSESSMENT_TOOLS } from './common.js';

export const fiche3a: Fiche = {
  id: 'fiche-3a',
  number: '3A',
  axis: 'axe-transversales.personnelles',
  title: 'Développement des aptitudes personnelles',
  generalObjectives: [
    {
      label: 'Établir et faire ressortir les compétences et aptitudes transversales des participants',
      description:
        "L’objectif principal de l’action est d’établir et de faire ressortir les compétences et aptitudes transversales des participants et d’en développer, renforcer ou encore acquérir de nouvelles, nécessaires à l’insertion et à l’intégration dans le monde du travail.",
    },
    {
      label: "Permettre au stagiaire de se projeter dans un parcours d’insertion professionnelle",
      description:
        "À travers une meilleure valorisation de soi, l’action devra permettre au stagiaire de se projeter dans un parcours d’insertion professionnelle : réactiver ses capacités d’apprentissage, savoir verbaliser ses compétences et qualités, développer son autonomie.",
    },
  ],
  // The source repeats « souhaitant améliorer son niveau de langue » from Fiche 2A here.
  publicProfile: [
    `Le public visé est allocataire du RSA résidant en Seine-Saint-Denis, souhaitant améliorer son niveau de langue, avec ${RSA_CONTRACT}, et :`,
    "– n’ayant pas de projet professionnel ou un projet non stabilisé (difficulté à se projeter, méconnaissance ou éloignement durable du marché de l’emploi, sentiment de démotivation…), nécessitant un bilan personnel et professionnel.",
  ].join('\n'),
  pedagogicalObjectives: [
    {
      label: 'Établir un bilan personnel et professionnel',
      description:
        "Mettant en avant les différents axes positifs et les axes à améliorer dans une optique d’élaboration de projet professionnel et de finalité d’accès à l’emploi.",
    },
    { label: 'Découvrir le monde professionnel (cadre réglementaire, découverte des métiers…)' },
    {
      label: 'Reprendre confiance en soi',
      description: "En ses compétences déjà acquises, en ses aptitudes, en sa capacité à accéder à l’emploi.",
    },
    {
      label: 'Travailler les compétences transversales liées aux aptitudes personnelles',
      description:
        "Les actions pourront cibler tout ou partie des compétences transversales liées aux aptitudes personnelles listées ci-dessous. Le porteur de projet pourra proposer une intervention selon un autre référentiel de compétences et d’aptitudes, qui sera détaillé dans le dossier de candidature. Dans tous les cas, le porteur de projet détaillera le niveau attendu en fin d’action pour chaque compétence ou aptitude travaillée.",
      items: [
        {
          label: 'Sociabilité',
          description:
            'Ex. : respecter les règles et les rythmes de vie collective, travailler en équipe, trouver sa place dans un groupe, contribuer au groupe, être à son écoute…',
        },
        {
          label: 'Adaptabilité, autonomie',
          description:
            "Ex. : apprendre à apprendre, réactiver ses mécanismes d’apprentissage, entretenir sa curiosité, avoir une attitude positive pour travailler, être capable de s’adapter à des aléas…",
        },
        {
          label: "Prise d’initiative, participation",
          description:
            'Ex. : prendre des initiatives, être force de proposition, être capable de résoudre un problème et de rebondir, accepter de négocier…',
        },
        {
          label: 'Organisation',
          description:
            'Ex. : développer sa mobilité (freins psychologiques, capacités cognitives, capacités physiques), planifier ses déplacements ou ses activités, gérer son stress…',
        },
        {
          label: 'Numérique',
          description: "Maîtriser les bases de l’informatique pour être autonome dans ses démarches d’insertion.",
        },
      ],
    },
  ],
  requirements: [
    {
      section: 'contenu',
      label: 'Mise en avant des potentialités et sensibilisation au monde professionnel',
      description:
        "L’action devra mettre en avant les potentialités de chacun (revalorisation et image de soi, savoir-être professionnel, confiance en soi, savoir-faire…) et inclure des modules de sensibilisation au monde professionnel, au service d’une reprise de démarche d’insertion professionnelle. Ces modules pourront être réalisés dans le cadre d’un partenariat entre plusieurs associations.",
    },
    {
      section: 'contenu',
      label: "Alternance d’accompagnement individualisé et d’activités collectives",
      description:
        "L’action comprendra des phases alternant un accompagnement individualisé, en cohérence avec l’action menée par la structure référente du participant, et des activités collectives favorisant une dynamique de groupe et le positionnement des participants en tant qu’acteurs de leur parcours.",
    },
    {
      section: 'contenu',
      label: 'Supports variés et innovants, production collective',
      description:
        "L’utilisation de supports variés et innovants est encouragée : outils numériques, techniques artistiques et théâtrales, mises en situation… Une production collective sera valorisée.",
    },
    {
      section: 'contenu',
      label: 'Trois entretiens individuels au minimum',
      description:
        "Le participant devra avoir été reçu en entretien individuel à trois reprises au minimum : au démarrage, à mi-parcours et en fin d’action.",
    },
    {
      section: 'moyens',
      label: "Orientation à l’issue de l’action et lien avec les services référents",
      description:
        "Le porteur de projet devra être en mesure d’orienter les participants vers différents autres acteurs de l’insertion professionnelle et de l’emploi à l’issue de l’action et devra conserver, tout au long de l’action, un lien avec les services référents dans le cadre du suivi individuel des participants.",
    },
  ],
  evaluationCriteria: [COMPLIANCE_WITH_APPLICATION],
  indicators: [
    { label: "Nombre d’entretiens" },
    { label: "Nombre d’ateliers" },
    { label: 'Nombre de bénéficiaires' },
    { label: 'Évaluation de la montée en compétences', description: SKILLS_ASSESSMENT_TOOLS },
  ],
};
