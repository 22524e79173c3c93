import type { ScaleInput } from './types.js';

export const MASTERY_SCALE = 'maitrise';
export const MASTERED_LEVEL = 'maitrisee';

/**
 * The source speaks of the « degré de maîtrise » of each key competency and validates only
 * mastery, so only « Maîtrisée » counts as proficient: an intermediate « Acquise » would let
 * the decision pass a competency the commission has not found mastered.
 */
export const masteryScale: ScaleInput = {
  id: MASTERY_SCALE,
  label: 'Degré de maîtrise',
  levels: [
    { id: 'non-maitrisee', label: 'Non maîtrisée' },
    { id: 'partiellement-maitrisee', label: 'Partiellement maîtrisée' },
    { id: MASTERED_LEVEL, label: 'Maîtrisée', proficient: true },
  ],
};
