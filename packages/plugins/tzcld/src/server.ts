// The entry the sync server discovers through package.json "canevas.referential.server".
export { tzcldReferential as referential } from './manifest.js';
