import type { TemplateInput } from '../types.js';
import { gpectTemplate } from './gpect.js';
import { platformTemplate } from './platform.js';
import { sessionTemplate } from './session.js';
import { tzcldMobilisationTemplate } from './tzcldMobilisation.js';

export { TEMPLATE } from './ids.js';

export const codevTemplates: TemplateInput[] = [sessionTemplate, platformTemplate, gpectTemplate, tzcldMobilisationTemplate];
