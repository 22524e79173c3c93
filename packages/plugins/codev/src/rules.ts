import { TEMPLATE } from './templates/index.js';
import type { RuleInput } from './types.js';

const filled = (template: string, section: string, minWords: number, severity: 'error' | 'warning' | 'info', message?: string): RuleInput => ({
  id: `${template}.${section}.rempli`,
  type: 'section_filled',
  template,
  section,
  minWords,
  severity,
  message,
});

/**
 * A session record is complete when the problem, the contract question, the synthesis and a
 * short-term action plan are written down; the rest is the group's own memory.
 */
export const codevRules: RuleInput[] = [
  filled(TEMPLATE.session, 'etape-1', 40, 'error'),
  filled(TEMPLATE.session, 'etape-3', 8, 'error', "Le contrat de consultation : le client formule son attente sous la forme d’une question précise."),
  filled(TEMPLATE.session, 'etape-5', 30, 'error'),
  filled(TEMPLATE.session, 'etape-6', 20, 'info'),
  {
    id: `${TEMPLATE.session}.plan-action.lignes`,
    type: 'table_check',
    template: TEMPLATE.session,
    section: 'plan-action',
    check: 'min_rows',
    min: 1,
    severity: 'error',
    message: "La séance se conclut par un premier plan d’action réalisable à court terme.",
  },
  {
    id: `${TEMPLATE.session}.plan-action.echeances`,
    type: 'table_check',
    template: TEMPLATE.session,
    section: 'plan-action',
    check: 'column_filled',
    column: 'echeance',
    severity: 'warning',
  },
  {
    id: `${TEMPLATE.session}.consultation.apports`,
    type: 'table_check',
    template: TEMPLATE.session,
    section: 'etape-4',
    check: 'min_rows',
    min: 1,
    severity: 'warning',
  },
  filled(TEMPLATE.platform, 'plus-value', 60, 'warning'),
  filled(TEMPLATE.platform, 'interet-entreprises', 60, 'warning'),
  filled(TEMPLATE.gpect, 'diagnostic', 80, 'warning'),
  {
    id: `${TEMPLATE.gpect}.plan-actions.priorites`,
    type: 'table_check',
    template: TEMPLATE.gpect,
    section: 'plan-actions',
    check: 'column_filled',
    column: 'priorite',
    severity: 'warning',
    message: "Les champs d’action sont énormes : priorisez chaque action.",
  },
  {
    id: `${TEMPLATE.gpect}.existant.implication`,
    type: 'table_check',
    template: TEMPLATE.gpect,
    section: 'existant',
    check: 'column_filled',
    column: 'implication',
    severity: 'info',
  },
  filled(TEMPLATE.tzcld, 'aller-vers', 60, 'warning'),
  {
    id: `${TEMPLATE.tzcld}.personnes-ressources.implication`,
    type: 'table_check',
    template: TEMPLATE.tzcld,
    section: 'personnes-ressources',
    check: 'column_filled',
    column: 'implication',
    severity: 'info',
  },
];
