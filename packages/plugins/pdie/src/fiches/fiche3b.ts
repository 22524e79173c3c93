import { AFTER_THREE_MONTHS, type Fiche } from '../fiche.js';
import { ACCESS_TO_TRAINING_OR_JOB } from './common.js';

export const fiche3b: Fiche = {
  id: 'fiche-3b',
  number: '3B',
  axis: 'axe-transversales.personnelles',
  title: 'Mobilité : permis de conduire',
  generalObjectives: [
    {
      label:
        "Permettre à un public ayant défini son projet professionnel de passer le code et la conduite et de valider son projet au travers de périodes d’immersion en entreprise",
    },
    {
      label: 'Construire et confirmer, ou consolider, le projet professionnel',
      description:
        "Selon la maturité du projet de la personne accompagnée, cette action devra lui permettre de construire son projet professionnel et de le confirmer, ou de le consolider pour favoriser sa mise en emploi direct. Les projets professionnels exprimés devront porter sur des métiers ou des secteurs où le permis de conduire s’avère nécessaire ou fortement recommandé.",
    },
  ],
  publicProfile: [
    "Les publics visés sont les allocataires du RSA résidant en Seine-Saint-Denis suivis par un service référent et/ou les jeunes de 18 à 25 ans suivis en mission locale, en espaces dynamiques d’insertion ou par d’autres structures accompagnantes, qui ont :",
    "– un parcours d’insertion formalisé dans un Contrat d’Engagement Réciproque (CER) ou un PPAE (Projet Personnalisé d’Accès à l’Emploi), ou un contrat (parcours Mission locale…) ou un engagement avec une autre structure d’insertion ;",
    '– un projet professionnel défini :',
    "  • soit ayant exprimé une idée de projet professionnel, déjà confortée par une première approche concrète du métier (enquêtes métiers, visites d’entreprises réalisées…) et nécessitant le permis de conduire : il s’agira dans ce cas d’accompagner la construction et la confirmation du projet ;",
    "  • soit ayant un projet confirmé par l’obtention d’une qualification ou une expérience professionnelle dans un métier qui nécessite le permis de conduire : il s’agira dans ce cas de participer à la consolidation et à la concrétisation du projet en soutenant la personne dans la recherche de solutions et l’accès à l’emploi.",
    'Les personnes accompagnées :',
    '– ne sont pas en possession du code de la route ;',
    "– n’ont pas fait l’objet d’une annulation ou d’une suspension du permis de conduire ;",
    "– n’ont pas une évaluation de départ supérieure à 40 heures de conduite.",
  ].join('\n'),
  pedagogicalObjectives: [
    {
      label: 'Acquérir les compétences nécessaires à la réussite des examens du code et de la conduite',
      description:
        "Avec un tronc commun destiné à l’obtention du permis B et des modules liés au travail sur le projet professionnel et à la connaissance du monde de l’entreprise, l’action devra permettre d’acquérir les compétences nécessaires à la réussite des examens du code et de la conduite, en vue de favoriser la mobilité dans le cadre de l’insertion professionnelle du stagiaire.",
    },
    {
      label: "Établir la validation d’un projet professionnel défini en amont de la formation",
      items: [
        {
          label: 'Confirmer le projet professionnel par une période significative en entreprise',
          description:
            "Pour les personnes ayant exprimé une idée de projet professionnel, confortée par une première approche concrète du métier : une période significative en entreprise devra être organisée pour compléter leur connaissance de l’entreprise, des secteurs et des métiers, et confirmer le projet professionnel.",
        },
        {
          label: 'Actualiser et développer ses compétences par une immersion en entreprise',
          description:
            "Pour les personnes ayant un projet professionnel confirmé par l’obtention d’une qualification ou une expérience professionnelle dans un métier qui nécessite le permis de conduire : l’immersion en entreprise devra permettre d’actualiser et de développer leurs compétences et capacités utiles à l’exercice du métier visé.",
        },
      ],
    },
  ],
  requirements: [
    {
      section: 'contenu',
      label: 'Apprentissage du permis et temps obligatoire de validation du projet professionnel',
      description:
        "Le porteur de projet devra mettre en œuvre une action permettant l’apprentissage du permis, qui contiendra obligatoirement un temps consacré à la validation du projet professionnel.",
    },
    {
      section: 'contenu',
      label: "Alternance d’activités collectives et d’accompagnement individualisé",
      description:
        "L’action comprendra des phases alternant des activités collectives et un accompagnement plus individualisé, en cohérence avec l’action menée par la structure référente du participant.",
    },
    {
      section: 'contenu',
      label: 'Pédagogie différenciée',
      description:
        "L’action devra s’appuyer sur une pédagogie différenciée afin de mettre en avant les potentialités de chacun. Le porteur pourra faire appel, si besoin, à des interventions diversifiées de professionnels.",
    },
    {
      section: 'contenu',
      label: 'Travail sur le projet professionnel et stages en entreprise',
      description: [
        'Dans tous les cas, le travail sur le projet professionnel et les stages en entreprise devront permettre à la personne accompagnée de :',
        "– compléter sa connaissance de l’entreprise, des secteurs et des métiers ;",
        '– entretenir sa motivation pour apprendre dans le champ professionnel ;',
        "– s’approprier les codes sociaux de l’entreprise pour se préparer à la mise en emploi.",
      ].join('\n'),
    },
    {
      section: 'moyens',
      label: 'Partenariat entre associations pour la validation du projet professionnel',
      description:
        "Les modules relatifs à la validation du projet professionnel pourront être réalisés dans le cadre d’un partenariat entre plusieurs associations (notamment pour les périodes de stage en entreprise ou la réalisation de plateaux techniques).",
    },
    {
      section: 'contenu',
      label: 'Modules de code de la route, conduite, mécanique, éco-conduite et études de plans',
      description:
        "La formation devra comprendre des modules de code de la route, de conduite, de mécanique et d’économie d’énergie (éco-conduite), et d’études de plans.",
    },
    {
      section: 'contenu',
      label: "Présentations aux examens et quota d’heures de conduite",
      description:
        "Les stagiaires bénéficieront au minimum de 2 présentations à l’examen théorique (3 si nécessaire) ainsi que de 2 présentations à l’examen pratique. Chaque stagiaire bénéficiera d’un quota de 50 heures de conduite mobilisables au maximum, sauf situation particulière à faire remonter au service référent et au Département.",
    },
    {
      section: 'contenu',
      label: 'Suivi et mutualisation des heures de conduite non utilisées',
      description:
        "Le porteur de projet devra effectuer le suivi des heures de conduite non utilisées par des stagiaires. Ces heures devront être mutualisées pour pouvoir être mobilisées si besoin par les autres participants de l’action.",
    },
    {
      section: 'calendrier',
      label: 'Démarrage en 2018, durée de 12 mois au maximum',
      description: 'Chaque action débutera en 2018 et se déroulera sur une durée de 12 mois au maximum.',
    },
    {
      section: 'moyens',
      label: "Relais avec les services compétents pendant et après l’action",
      description:
        "Dans le cadre du suivi, pendant et après l’action, l’organisme devra s’assurer qu’il y a un relais avec les services compétents et que le parcours d’insertion se poursuit.",
    },
  ],
  // The source evaluates this fiche on the Department's indicators only.
  evaluationCriteria: [],
  indicators: [
    { label: 'Organisation du relais avec le service référent' },
    { label: "Nombre d’heures de code et de conduite effectuées par participant", unit: 'heures par participant' },
    { label: "Réussite à l’examen du code et de la conduite" },
    {
      label: "Validation des projets professionnels définis en amont de l’action",
      description: 'Au travers de périodes de stage effectives ou de la réalisation de plateaux techniques.',
    },
    { label: ACCESS_TO_TRAINING_OR_JOB, timing: AFTER_THREE_MONTHS },
  ],
};
