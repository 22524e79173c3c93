export { tzcldReferential } from './manifest.js';
export { TZCLD_PHASES } from './phases.js';
