export const MODALITY = {
  dossier: 'dossier-ecrit',
  interview: 'entretien',
  commission: 'commission-regionale',
} as const;

export const TEMPLATE = {
  dossier: 'dossier-validation',
} as const;

export const NODE = {
  jobContent: 'contenu-emploi',
  keyCompetencies: 'competences-clefs',
  priorLearning: 'acquis-formalises',
  managerAttestation: 'attestation-responsable',
} as const;

/** The sentence of the source that makes mastery of every key competency the condition of validation. */
export const VALIDATION_CONDITION = "La maîtrise de l’ensemble des compétences clefs est une condition indispensable pour être validé.";
