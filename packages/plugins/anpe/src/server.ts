// The entry the sync server discovers through package.json "canevas.referential.server".
export { anpeReferential as referential } from './manifest.js';
