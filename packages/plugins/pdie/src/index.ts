export { pdieReferential } from './manifest.js';
