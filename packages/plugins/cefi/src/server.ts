// The entry the sync server discovers through package.json "canevas.referential.server".
export { cefiReferential as referential } from './manifest.js';
