export { cefiReferential } from './manifest.js';
