import type { ModalityInput } from './types.js';

export const MODALITY = {
  dossier: 'dossier-ecrit-candidat',
  annexes: 'annexes-dossier-candidat',
  oral: 'presentation-orale',
} as const;

export const ALL_MODALITIES = [MODALITY.dossier, MODALITY.annexes, MODALITY.oral];

/** Built in manifest.ts once the criteria and templates exist: each modality evaluates every criterion. */
export function tzcldModalities(criteria: readonly string[], templates: Record<keyof typeof MODALITY, string[]>): ModalityInput[] {
  return [
    {
      id: MODALITY.dossier,
      kind: 'written_dossier',
      label: 'Dossier écrit du candidat',
      description: 'Retenu pour les quatre compétences CP1 à CP4.',
      evaluates: [...criteria],
      templates: templates.dossier,
    },
    {
      id: MODALITY.annexes,
      kind: 'annex',
      label: 'Annexes du dossier candidat',
      description:
        "Annexes attendues selon la compétence — CP1 : plan de communication, outils de communication… ; CP2 : plan d’actions, budget et outil de veille financements ; CP3 : plan d’actions, outil de recensement des acteurs et actrices du territoire, outils de communication ; CP4 : plan d’actions, tableau de bord exhaustivité territoriale.",
      evaluates: [...criteria],
      templates: templates.annexes,
    },
    {
      id: MODALITY.oral,
      kind: 'oral',
      label: 'Présentation orale (pitch et Q/R)',
      description: 'Pitch suivi de questions-réponses avec le jury ; retenue pour les quatre compétences CP1 à CP4.',
      evaluates: [...criteria],
      templates: templates.oral,
    },
  ];
}
