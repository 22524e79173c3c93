import type { TemplateInput } from '../types.js';
import { actionPlanTemplate } from './actionPlan.js';
import { budgetTemplate } from './budget.js';
import { communicationPlanTemplate } from './communicationPlan.js';
import { dossierEcritTemplate } from './dossierEcrit.js';
import { exhaustivityDashboardTemplate } from './exhaustivityDashboard.js';
import { pitchTemplate } from './pitch.js';
import { stakeholderMapTemplate } from './stakeholderMap.js';

export { TEMPLATE } from './ids.js';

export const tzcldTemplates: TemplateInput[] = [
  dossierEcritTemplate,
  communicationPlanTemplate,
  actionPlanTemplate,
  budgetTemplate,
  stakeholderMapTemplate,
  exhaustivityDashboardTemplate,
  pitchTemplate,
];
