// The entry the sync server discovers through package.json "canevas.referential.server".
export { pdieReferential as referential } from './manifest.js';
