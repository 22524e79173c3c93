import { MODALITY, TEMPLATE } from '../ids.js';
import type { TemplateInput } from '../types.js';

export const dossierBloc3Template: TemplateInput = {
  id: TEMPLATE.dossierBloc3,
  title: 'Bloc 3 — dossier de 5 pages',
  description:
    'Dossier de 5 pages qui accompagne la carte mentale : votre rôle et votre posture dans le projet, et une analyse de votre pratique professionnelle.',
  modality: MODALITY.dossierBloc3,
  sections: [
    {
      id: 'projet',
      heading: 'Le projet en bref',
      prompt: 'Rappelez en quelques lignes le projet représenté par la carte mentale : son origine, son public, ses partenaires et où il en est.',
    },
    {
      id: 'role-posture',
      heading: 'Mon rôle et ma posture dans le projet',
      prompt:
        "Expliquez ce que vous avez fait vous-même à chaque étape (pilotage, coordination, contribution…), votre positionnement face aux partenaires, aux publics et à votre hiérarchie, et les choix que vous avez portés.",
      nodes: ['bloc3-c2', 'bloc3-c3'],
    },
    {
      id: 'analyse-pratique',
      heading: "Analyse de ma pratique professionnelle et perspectives d’évolution",
      prompt:
        "Prenez de la distance sur votre pratique : éléments d’analyse (réussites, difficultés, leurs causes) et perspectives d’évolution que vous en tirez.",
      nodes: ['bloc3-recul'],
    },
  ],
};
