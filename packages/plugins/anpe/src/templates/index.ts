import type { TemplateInput } from '../types.js';
import { dossierValidationTemplate } from './dossierValidation.js';

export { RESULT_CRITERIA } from './dossierValidation.js';

export const anpeTemplates: TemplateInput[] = [dossierValidationTemplate];
