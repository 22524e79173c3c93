import type { ReferentialManifestInput } from '@canevas/core';
import { CONFORMITY_SCALE } from './ids.js';

type ScaleInput = NonNullable<ReferentialManifestInput['scales']>[number];

/**
 * The call evaluates an action « sur la base de la conformité » to the application and on the
 * Department's indicators; the instructors rate each on this scale.
 */
export const conformityScale: ScaleInput = {
  id: CONFORMITY_SCALE,
  label: 'Conformité',
  levels: [
    { id: 'non-conforme', label: 'Non conforme' },
    { id: 'partiellement-conforme', label: 'Partiellement conforme' },
    { id: 'conforme', label: 'Conforme', proficient: true },
  ],
};
