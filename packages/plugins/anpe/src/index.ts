export { anpeReferential } from './manifest.js';
