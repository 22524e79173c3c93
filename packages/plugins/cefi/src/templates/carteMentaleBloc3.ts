import { MODALITY, TEMPLATE } from '../ids.js';
import type { TemplateInput } from '../types.js';

/** One section per branch of the mind map: the source's stages of project methodology, in order. */
export const carteMentaleBloc3Template: TemplateInput = {
  id: TEMPLATE.carteMentaleBloc3,
  title: 'Bloc 3 — carte mentale',
  description:
    "Carte mentale détaillée de votre participation à la conduite d’un projet en faveur de l’insertion de vos publics. Chaque section est une branche de la carte : notez-y les idées, acteurs, outils et décisions sous forme de listes courtes.",
  modality: MODALITY.carteMentaleBloc3,
  sections: [
    {
      id: 'projet',
      heading: 'Le projet (centre de la carte)',
      prompt: "Nommez le projet, son public et son territoire, et votre place dans l’équipe projet.",
    },
    {
      id: 'contextualisation',
      heading: 'Contextualisation de la problématique : état des lieux et diagnostic',
      prompt:
        "Branches : besoins des publics, caractéristiques de l’environnement socio-économique, politiques publiques de l’emploi, indicateurs emploi-formation du bassin, cahier des charges ou appel à propositions le cas échéant.",
      nodes: ['bloc3-c1-1', 'bloc3-c1-2'],
    },
    {
      id: 'initialisation',
      heading: 'Initialisation du projet',
      prompt: 'Branches : périmètre, finalités et objectifs du projet ; actions retenues et leurs modalités de réalisation, avec la justification de ces choix.',
      nodes: ['bloc3-c2-1'],
    },
    {
      id: 'faisabilite',
      heading: 'Analyse de la faisabilité : ressources et partenaires',
      prompt:
        'Branches : partenaires à mobiliser et raisons de ce choix ; ressources nécessaires ; difficultés prévisibles (relations partenariales, ressources, planification…) ; ébauche de budget avec les postes de dépenses et les pistes de financement.',
      nodes: ['bloc3-c2-2', 'bloc3-c2-3', 'bloc3-c2-4'],
    },
    {
      id: 'preparation',
      heading: 'Préparation : stratégie de communication et planification du projet',
      prompt:
        "Branches : stratégie de communication interne et externe à chaque phase ; étapes, calendrier prévisionnel, champs d’action et rôles de chacun (coordination, pilotage…).",
      nodes: ['bloc3-c3-1'],
    },
    {
      id: 'mise-en-oeuvre',
      heading: 'Mise en œuvre du projet',
      prompt: 'Branches : actions menées, moyens et outils de suivi (SWOT, PERT, GANTT…), réajustements après les évaluations intermédiaires.',
      nodes: ['bloc3-c3-2'],
    },
    {
      id: 'evaluation',
      heading: 'Évaluation du projet',
      prompt:
        "Branches : critères et outils d’évaluation ; points forts et points faibles ; préconisations en vue d’une capitalisation, d’une diffusion, d’un transfert ; bilan du déroulement du projet.",
      nodes: ['bloc3-c3-3', 'bloc3-c3-4'],
    },
  ],
};
