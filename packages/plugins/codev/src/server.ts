// The entry the sync server discovers through package.json "canevas.referential.server".
export { codevReferential as referential } from './manifest.js';
