import { MODALITY, TEMPLATE } from '../ids.js';
import type { TemplateInput } from '../types.js';

export const memoireBloc2Template: TemplateInput = {
  id: TEMPLATE.memoireBloc2,
  title: 'Mémoire professionnel — bloc 2 (30 pages)',
  description:
    "Mémoire de 30 pages sur une problématique rencontrée dans votre pratique d’intermédiation et d’accompagnement vers et dans l’emploi : l’entreprise, le public accompagné, la médiation entre les deux et ses enseignements.",
  modality: MODALITY.memoireBloc2,
  sections: [
    {
      id: 'introduction',
      heading: 'Introduction : la problématique choisie',
      prompt:
        "Énoncez la problématique d’intermédiation que vous avez rencontrée, dites pourquoi vous l’avez choisie et annoncez le plan du mémoire.",
    },
    {
      id: 'contexte',
      heading: 'Contextualisation : le marché du travail du territoire',
      prompt:
        "Présentez les informations que vous avez recueillies et analysées sur le marché du travail de votre territoire et sur les différents types d’employeurs : sources, actualisation, usage que vous en faites avec les personnes accompagnées.",
      nodes: ['bloc2-c4-1'],
    },
    {
      id: 'entreprise',
      heading: "L’entreprise : politique de ressources humaines, recrutement et postes de travail",
      prompt:
        "Analysez la situation d’une entreprise sur le marché du travail, son processus et ses pratiques de recrutement et de GRH au regard de sa logique globale (stratégie, type d’activités…). Présentez l’analyse d’un poste de travail ou d’un profil de poste et la méthode employée, votre démarche de recueil de l’offre potentielle d’emploi, en mobilisant des concepts de la sociologie des organisations et de l’analyse du travail.",
      nodes: ['bloc2-c1-1', 'bloc2-c1-5', 'bloc2-c1-6', 'bloc2-c4-2', 'bloc2-c4-3'],
    },
    {
      id: 'relation-entreprise',
      heading: "Aborder l’entreprise et lui proposer une offre de services",
      prompt:
        "Décrivez comment vous abordez l’entreprise et présentez votre structure, votre rôle et votre offre de services ; les actions menées pour développer et activer les relations avec les entreprises ; l’offre de services adaptée que vous proposez après une analyse partagée de ses besoins ; les mesures et dispositifs d’aide à l’insertion et à l’embauche mobilisés.",
      nodes: ['bloc2-c1-2', 'bloc2-c1-3', 'bloc2-c1-4', 'bloc2-c1-7'],
    },
    {
      id: 'public',
      heading: 'Le public accompagné',
      prompt:
        "Analysez les caractéristiques du public accompagné et le profil des personnes au regard d’une offre d’emploi. Présentez les démarches d’accompagnement à la recherche d’emploi (méthodologie, techniques, outils, ressources numériques) adaptées aux besoins et au degré d’autonomie de chacun, et argumentez le choix des modalités individuelles ou collectives.",
      nodes: ['bloc2-c2-1', 'bloc2-c5-1', 'bloc2-c5-2'],
    },
    {
      id: 'mediation',
      heading: "La médiation entre l’entreprise et le public",
      prompt:
        "Montrez la médiation possible et nécessaire entre l’entreprise et les personnes : mise en perspective de l’offre d’emploi et des compétences des personnes, leviers d’action face aux phénomènes d’exclusion, accompagnement dans l’emploi proposé ou mis en œuvre, posture et actions partenariales concrètes du conseiller, relations avec le monde socio-économique.",
      nodes: ['bloc2-c2-2', 'bloc2-c3-1', 'bloc2-c3-2', 'bloc2-c5-3', 'bloc2-c5-4'],
    },
    {
      id: 'enseignements',
      heading: "Les enseignements de l’intermédiation pour ma pratique",
      prompt:
        "Prenez de la distance : ce que cette intermédiation vous apprend pour faire évoluer vos relations avec les entreprises, la mise en relation entre offres d’emploi et personnes, et votre accompagnement vers et dans l’emploi.",
      nodes: ['bloc2-c5-5'],
    },
    {
      id: 'conclusion',
      heading: 'Conclusion',
      prompt: 'Revenez sur la problématique, résumez les réponses apportées et ouvrez sur vos perspectives professionnelles.',
    },
    {
      id: 'annexes',
      heading: 'Annexes',
      prompt: "Joignez, anonymisés, les profils de poste, offres d’emploi, outils de suivi et bilans d’immersion cités dans le mémoire.",
    },
  ],
};
