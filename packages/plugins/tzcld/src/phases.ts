/**
 * The four phases of the TZCLD project method, in order. The action plan's `phase` column takes
 * these values and criterion CP2-C1 requires the plan to follow them; the fourth applies only
 * where opening an entreprise à but d'emploi is relevant (« si pertinent »).
 */
export const TZCLD_PHASES = [
  'Fabrique et animation du consensus',
  "Rencontre et mobilisation des personnes privées durablement d’emploi",
  'Identification des travaux utiles',
  "Ouverture des entreprises à but d’emploi",
] as const;
