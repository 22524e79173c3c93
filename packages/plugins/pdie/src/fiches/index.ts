import type { Fiche } from '../fiche.js';
import { fiche1 } from './fiche1.js';
import { fiche2a } from './fiche2a.js';
import { fiche2b } from './fiche2b.js';
import { fiche3a } from './fiche3a.js';
import { fiche3b } from './fiche3b.js';
import { fiche4 } from './fiche4.js';
import { fiche5 } from './fiche5.js';
import { fiche6 } from './fiche6.js';
import { fiche7 } from './fiche7.js';

/** The nine fiches, in the order of the call's summary. */
export const fiches: readonly Fiche[] = [fiche1, fiche2a, fiche2b, fiche3a, fiche3b, fiche4, fiche5, fiche6, fiche7];
