import { shortTermActionPlan } from '../tables.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

/** The four kinds of contribution the source lists for étape 4. */
export const CONTRIBUTION_KINDS = ['Impression', 'Question', 'Suggestion pratique', "Partage d’expérience"] as const;

export const sessionTemplate: TemplateInput = {
  id: TEMPLATE.session,
  title: 'Séance de codéveloppement',
  description:
    "Compte rendu d’une séance en six étapes : un participant, le client, expose une situation ; les autres, ses consultants, l’aident à la comprendre et à agir. Le client repart avec un premier plan d’action à court terme, qu’il revoit à la séance suivante.",
  sections: [
    {
      id: 'participants',
      heading: 'Participants et rôles',
      prompt:
        "Indiquez la date, le client (qui expose sa situation) et les consultants (dont l’objectif central et unique est d’aider le client), ainsi que la personne qui anime la séance et garde le temps de chaque étape.",
      nodes: ['codeveloppement'],
    },
    {
      id: 'etape-1',
      heading: 'Étape 1 — Exposé de la problématique',
      prompt:
        "Client : présentez une situation actuelle sur laquelle vous vous interrogez — le contexte, les acteurs, ce que vous avez déjà tenté, ce qui vous bloque. Gardez en tête vos deux finalités : résoudre le problème et améliorer votre pratique.",
      nodes: ['etape-1'],
    },
    {
      id: 'etape-2',
      heading: 'Étape 2 — Clarification',
      prompt:
        "Consultants : notez les questions posées pour faire repréciser certains points, et les réponses du client. Il s’agit de se faire une idée claire de la demande, pas encore de proposer des solutions.",
      nodes: ['etape-2'],
    },
    {
      id: 'etape-3',
      heading: 'Étape 3 — Contrat de consultation',
      prompt:
        "Client : reformulez votre attente vis-à-vis des consultants sous la forme d’une question précise, que chacun valide. Ce contrat est la base de la consultation.",
      nodes: ['etape-3'],
    },
    {
      id: 'etape-4',
      heading: 'Étape 4 — Consultation',
      prompt:
        "Consultants : livrez vos impressions, questions, suggestions pratiques ou partages d’expériences, centrés sur le client (« Comment puis-je aider ce client ? »). Client : ne répondez pas, écoutez et notez chaque apport.",
      nodes: ['etape-4'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'consultant', label: 'Consultant', type: 'text' },
          { id: 'nature', label: "Nature de l’apport", type: 'enum', enum: [...CONTRIBUTION_KINDS], required: true },
          { id: 'apport', label: 'Apport', type: 'text', required: true },
        ],
      },
    },
    {
      id: 'etape-5',
      heading: 'Étape 5 — Synthèse',
      prompt: 'Client : dégagez la synthèse des principaux éléments que vous retenez de la consultation, et ce qui change dans votre lecture de la situation.',
      nodes: ['etape-5'],
    },
    {
      id: 'plan-action',
      heading: "Plan d’action",
      prompt:
        "Client : arrêtez un premier plan d’action réalisable à court terme — une ligne par action, avec son échéance. Vous ferez le point sur les résultats atteints, ou non, lors de la séance suivante.",
      nodes: ['etape-5'],
      table: shortTermActionPlan,
    },
    {
      id: 'etape-6',
      heading: 'Étape 6 — Partage des apprentissages de chacun',
      prompt:
        "Chacun, client et consultants, note ce que la séance lui apprend sur sa propre pratique et sur la démarche : ce qu’il a objectivé, le recul pris, ce qu’il fera autrement.",
      nodes: ['etape-6'],
    },
    {
      id: 'point-suivant',
      heading: "Point sur le plan d’action à la séance suivante",
      prompt:
        "À la séance suivante, le client fait le point : actions réalisées, résultats atteints ou non, et pourquoi ; mettez à jour la colonne « Résultat constaté » du plan d’action.",
      nodes: ['etape-5'],
    },
  ],
};
