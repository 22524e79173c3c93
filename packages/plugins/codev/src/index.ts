export { codevReferential } from './manifest.js';
