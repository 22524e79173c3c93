import { ACTION_STATUSES, tablePresets } from '@canevas/core';
import type { TemplateInput } from './types.js';

type TableInput = NonNullable<TemplateInput['sections'][number]['table']>;

/**
 * The client's « premier plan d'action, réalisable à court terme » (étape 5), reviewed at the
 * next session: it has no phases, so it is not the phased preset.
 */
export const shortTermActionPlan: TableInput = {
  kind: 'action_plan',
  columns: [
    { id: 'action', label: 'Action', type: 'text', required: true },
    { id: 'responsable', label: 'Responsable', type: 'text' },
    { id: 'echeance', label: 'Échéance', type: 'date', required: true },
    { id: 'statut', label: 'Statut', type: 'enum', enum: [...ACTION_STATUSES] },
    { id: 'resultat', label: 'Résultat constaté à la séance suivante', type: 'text' },
  ],
};

export function stakeholdersStartingWith(types: readonly string[]): TableInput {
  return { ...tablePresets.stakeholders, rows: types.map((type) => ({ acteur: '', type, implication: '', role: '' })) };
}
