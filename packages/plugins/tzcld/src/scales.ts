import type { ScaleInput } from './types.js';

export const ACQUISITION_SCALE = 'acquisition';

/** The certification document gives no scale; the jury rates each criterion on four levels. */
export const acquisitionScale: ScaleInput = {
  id: ACQUISITION_SCALE,
  label: 'Acquisition',
  levels: [
    { id: 'non-acquis', label: 'Non acquis' },
    { id: 'en-cours', label: "En cours d’acquisition" },
    { id: 'acquis', label: 'Acquis', proficient: true },
    { id: 'maitrise', label: 'Maîtrisé', proficient: true },
  ],
};
