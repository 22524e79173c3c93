import { tablePresets, type ReferentialManifest, type TypedTableColumn } from '@canevas/core';
import type { InsertableTable } from './typedTableCommands.js';

/** Phases offered when the document's referential declares none. */
export const GENERIC_PHASES = ['Diagnostic', 'Préparation', 'Mise en œuvre', 'Évaluation'] as const;

/** The phases of the referential's own action-plan template (TZCLD: its four phases), else generic ones. */
export function actionPlanPhases(manifest: ReferentialManifest | null | undefined): string[] {
  for (const template of manifest?.templates ?? []) {
    for (const section of template.sections) {
      if (section.table?.kind !== 'action_plan') continue;
      const phases = section.table.columns.find((column) => column.id === 'phase')?.enum;
      if (phases && phases.length > 0) return [...phases];
    }
  }
  return [...GENERIC_PHASES];
}

export interface InsertableChoice {
  id: string;
  label: string;
  table: InsertableTable;
}

function columnsOf(preset: { columns: readonly { id: string; label: string; type: string; enum?: readonly string[]; required?: boolean }[] }): TypedTableColumn[] {
  return preset.columns.map((column) => ({
    id: column.id,
    label: column.label,
    type: column.type,
    ...(column.enum ? { enum: [...column.enum] } : {}),
    required: column.required ?? false,
  }));
}

/** The typed tables the toolbar offers, with the columns every reader (rules, charts, export) knows. */
export function insertableTables(phases: readonly string[]): InsertableChoice[] {
  const plan = tablePresets.actionPlan(phases);
  return [
    { id: 'budget', label: 'Budget (charges et produits)', table: { kind: tablePresets.budget.kind, columns: columnsOf(tablePresets.budget) } },
    { id: 'action_plan', label: 'Plan d’actions', table: { kind: plan.kind, columns: columnsOf(plan) } },
    {
      id: 'stakeholders',
      label: 'Cartographie des parties prenantes',
      table: { kind: tablePresets.stakeholders.kind, columns: columnsOf(tablePresets.stakeholders) },
    },
    { id: 'indicators', label: 'Indicateurs', table: { kind: tablePresets.indicators.kind, columns: columnsOf(tablePresets.indicators) } },
  ];
}
