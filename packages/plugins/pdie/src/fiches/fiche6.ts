import type { Fiche } from '../fiche.js';
import { RELEVANCE_TO_OPPORTUNITY } from './common.js';

export const fiche6: Fiche = {
  id: 'fiche-6',
  number: '6',
  axis: 'axe-accompagnement',
  title: "Accéder à l’emploi",
  context:
    "Opportunité : l’accès à l’emploi est une priorité du Programme départemental d’insertion et d’emploi. Il semble important d’offrir au public et au conseiller d’insertion professionnelle une variété de solutions pour permettre un accompagnement renforcé vers l’emploi. Ainsi, plusieurs types d’actions pourront être proposés : A – mise en relation des publics avec les employeurs ; B – modules courts d’aide à la recherche d’emploi (au sein des structures d’accompagnement) ; C – actions de réorientation professionnelle et/ou de reconversion sur des métiers porteurs.",
  generalObjectives: [
    { label: 'Accéder à un emploi durable' },
    { label: "Être accompagné dans sa recherche d’emploi" },
    { label: 'Être mis en relation avec des employeurs potentiels' },
  ],
  publicProfile: [
    'Le public visé est allocataire du RSA résidant en Seine-Saint-Denis :',
    "– ayant un parcours d’insertion formalisé dans un Contrat d’Engagement Réciproque (CER) ou un Projet Personnalisé d’Accès à l’Emploi (PPAE) ;",
    "– ayant un projet d’accès ou de retour à l’emploi ;",
    '– ayant un projet de réorientation professionnelle dans un secteur professionnel ;',
    "– ayant besoin d’un accompagnement renforcé pour accéder à l’emploi.",
  ].join('\n'),
  pedagogicalObjectives: [],
  actionTypes: [
    {
      letter: 'A',
      label: 'Mise en relation des publics avec les employeurs',
      itemType: 'requirement',
      items: [
        {
          label: "Développer des opportunités d’emploi",
          description:
            'Notamment par la mise en relation avec les entreprises, par la préparation aux entretiens professionnels…',
        },
        {
          label: "S’appuyer sur un diagnostic personnalisé des publics engagés dans l’action",
          description: 'En lien avec les services référents.',
        },
        {
          label: "Proposer des modalités d’accompagnement dans l’emploi",
          description: 'Dans des mesures à définir en concertation avec le Conseil départemental.',
        },
      ],
    },
    {
      letter: 'B',
      label: "Modules courts d’aide à la recherche d’emploi",
      description:
        "Les publics en recherche d’emploi ont besoin de périodes à la fois collectives et individuelles pour organiser leur recherche d’emploi, s’approprier les nouveaux moyens, notamment numériques, de rechercher un emploi, préparer un entretien d’embauche et des tests psychotechniques, repérer, bien comprendre et répondre à des offres d’emploi, être soutenus dans leur recherche. À titre d’exemple : bien se connaître et être capable de présenter son parcours, ses compétences ; mener un entretien de recrutement ; identifier les employeurs potentiels ; sélectionner, comprendre une offre d’emploi et y répondre ; réaliser son CV ; utiliser les outils informatiques et numériques dans sa recherche ; organiser sa recherche.",
      itemType: 'requirement',
      items: [
        {
          label: "Ateliers proposés au sein des structures d’accompagnement",
          description:
            "Ces ateliers devront être proposés au sein des structures d’accompagnement pour venir en appui des conseillers, et notamment des correspondants emploi des projets de ville.",
        },
      ],
    },
    {
      letter: 'C',
      label: 'Actions de réorientation professionnelle et/ou de reconversion sur des métiers porteurs',
      description:
        "Ces actions s’adressent à des publics ayant obtenu une certification professionnelle, inscrits comme recherchant un emploi avec cette certification mais n’ayant pas ou peu travaillé en lien avec celle-ci (ex. : CAP petite enfance, aide à la personne, vente…).",
      itemType: 'requirement',
      items: [
        {
          label: 'Phase de positionnement',
          description:
            "Une phase de positionnement permettra, avec la personne, d’identifier les éléments qui ont pu mettre en échec l’accès à l’emploi, de confirmer le projet professionnel et la recherche d’emploi dans le métier, et d’établir un plan d’action.",
        },
        {
          label: 'Modules de réappropriation des connaissances et des gestes techniques',
          description:
            "Des modules de réappropriation des connaissances et des gestes techniques pourront être mis en place par le biais de plateaux techniques, d’immersions en entreprise et de mises en relation pour l’accès à l’emploi.",
        },
      ],
    },
  ],
  requirements: [
    {
      section: 'contenu',
      label: 'Analyse des caractéristiques du marché du travail',
      description:
        "Le porteur de projet devra s’appuyer sur une analyse des caractéristiques du marché du travail (exigences et besoins en compétences des employeurs du secteur d’activité visé).",
    },
    {
      section: 'note',
      label: "Besoins en compétences des employeurs du secteur d’activité visé",
      description:
        "Le porteur de projet devra s’appuyer sur les besoins en compétences des employeurs du secteur d’activité visé, qui seront précisés dans une note d’opportunité présente dans le dossier de candidature.",
    },
    {
      section: 'moyens',
      label: "Lien avec les services référents tout au long de l’action",
      description:
        "Le porteur de projet devra conserver, tout au long de l’action, un lien avec les services référents dans le cadre du suivi individuel des participants.",
    },
    {
      section: 'contenu',
      label: 'Accompagnement individualisé et/ou collectif, immersion possible en entreprise',
      description:
        "L’accompagnement proposé pourra être individualisé et/ou collectif. Une période d’immersion en entreprise pourra être mise en place afin de permettre de mettre en œuvre des compétences identifiées.",
    },
    {
      section: 'contenu',
      label: 'Temps de positionnement',
      description:
        "Le porteur de projet devra, sur un temps de positionnement, en lien avec les services référents et avec la personne, faire un point sur sa demande d’accompagnement vers l’emploi, sur les recherches déjà réalisées et sur l’adéquation des outils de recherche d’emploi avec le secteur ou le métier recherché.",
    },
  ],
  evaluationCriteria: [
    { label: "Conformité de l’action avec les conditions de mise en œuvre présentées dans le dossier de candidature" },
    RELEVANCE_TO_OPPORTUNITY,
  ],
  indicators: [
    { label: 'Nombre de bénéficiaires' },
    { label: 'Nombre de mises en relation avec des employeurs' },
    {
      label: 'Nombre de sorties en emploi en fin de formation et à 3 mois',
      timing: 'En fin de formation et 3 mois après',
    },
    { label: 'Type de contrat de travail obtenu' },
  ],
};
