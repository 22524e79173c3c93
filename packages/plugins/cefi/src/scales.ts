import type { ScaleInput } from './types.js';

export const ACQUISITION_SCALE = 'acquisition';
export const PROFICIENT_LEVEL = 'acquis';

/** The title's evaluation referential gives criteria but no scale; the jury rates each criterion on four levels. */
export const acquisitionScale: ScaleInput = {
  id: ACQUISITION_SCALE,
  label: 'Acquisition',
  levels: [
    { id: 'non-acquis', label: 'Non acquis' },
    { id: 'en-cours', label: "En cours d’acquisition" },
    { id: PROFICIENT_LEVEL, label: 'Acquis', proficient: true },
    { id: 'maitrise', label: 'Maîtrisé', proficient: true },
  ],
};
