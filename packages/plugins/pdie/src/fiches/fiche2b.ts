import { AFTER_THREE_MONTHS, type Fiche } from '../fiche.js';
import { ACCESS_TO_TRAINING_OR_JOB, COMPLIANCE_WITH_APPLICATION, RSA_CONTRACT, SKILLS_ASSESSMENT_TOOLS } from './common.js';

export const fiche2b: Fiche = {
  id: 'fiche-2b',
  number: '2B',
  axis: 'axe-transversales.base',
  title: 'Remise à niveau : acquisition des pré-requis pour entrer en formation',
  generalObjectives: [
    {
      label:
        "Maîtriser les savoirs de base et les connaissances nécessaires à une entrée en formation ou en emploi, en validant son projet professionnel",
      description: 'Cette action pourra cibler un ou plusieurs secteurs en tension.',
    },
  ],
  publicProfile: [
    `Le public visé est allocataire du RSA résidant en Seine-Saint-Denis, avec ${RSA_CONTRACT}, qui :`,
    "– a déjà une idée de projet professionnel, c’est-à-dire a effectué des recherches sur le ou les secteurs choisis, des enquêtes métiers, des visites en entreprise… ;",
    "– a besoin d’un accompagnement pour approfondir et/ou mettre en œuvre un plan d’action autour d’un projet professionnel réaliste et réalisable ;",
    "– a besoin d’acquérir et/ou de renforcer des compétences de base en lien avec un projet professionnel bien avancé, relié à un contexte professionnel.",
  ].join('\n'),
  pedagogicalObjectives: [
    {
      label: 'Réactiver et/ou compléter ses connaissances, redynamiser ses savoirs de base',
      description:
        'Réactiver et/ou compléter ses connaissances applicables à un secteur et de culture générale, redynamiser ses savoirs de base et acquérir des connaissances nouvelles mobilisables (communication en français, communication en langue étrangère, compétences mathématiques et raisonnement logique, compétences numériques, apprendre à apprendre).',
    },
    { label: 'Valoriser ses acquis et ses aptitudes' },
    {
      label: "Confirmer et valider un projet professionnel par une immersion en entreprise et l’élaboration d’un plan d’action",
    },
  ],
  requirements: [
    {
      section: 'calendrier',
      label: 'Action de durée courte',
      description: "L’action est d’une durée courte.",
    },
    {
      section: 'contenu',
      label: "Temps individuels d’identification des besoins",
      description:
        "Des temps individuels permettront d’identifier les besoins des stagiaires et de mettre en œuvre des actions spécifiques en fonction de ces besoins.",
    },
    {
      section: 'contenu',
      label: 'Tronc commun de temps collectifs',
      description:
        "Des temps collectifs, au travers d’un tronc commun, reprendront des modules de savoirs de base liés à la validation du projet professionnel, de sensibilisation au droit du travail, de connaissance du fonctionnement de l’entreprise appliquée au projet professionnel, de techniques de recherche d’emploi et de validation du projet professionnel. L’approche concrète devra être privilégiée.",
    },
    {
      section: 'contenu',
      label: 'Confirmation du projet par une mise en situation débouchant sur une validation de compétences',
      description:
        "La confirmation du projet professionnel s’effectuera par une mise en situation (rapprochement avec des SIAE, PMSMP, stage en entreprise…) et devra déboucher sur une validation de compétences.",
    },
    {
      section: 'contenu',
      label: 'Préparation aux tests, aux concours et aux entretiens',
      description:
        "Le porteur de projet devra également préparer aux éventuels tests et concours (ex. : tests psychotechniques) et préparer aux entretiens, d’entrée en formation notamment.",
    },
    {
      section: 'contenu',
      label: 'Équilibre entre remise à niveau et travail sur le projet professionnel',
      description:
        "Selon le niveau d’élaboration du projet professionnel de la personne, l’action devra être fortement centrée sur la remise à niveau des compétences de base, appliquée au projet professionnel de la personne, ou au contraire proposer de manière équilibrée un travail sur le projet professionnel et la remise à niveau.",
    },
  ],
  evaluationCriteria: [COMPLIANCE_WITH_APPLICATION],
  indicators: [
    { label: 'Nombre de bénéficiaires' },
    { label: "Nombre d’entretiens individuels" },
    { label: 'Évaluation de la montée en compétences', description: SKILLS_ASSESSMENT_TOOLS.replace("d’outils concrets", "d’un outil concret") },
    { label: "Affirmation d’un projet professionnel réaliste et réalisable" },
    { label: ACCESS_TO_TRAINING_OR_JOB, timing: AFTER_THREE_MONTHS },
  ],
};
