import { manifestSchema, type ReferentialManifest } from '@canevas/core';
import { tzcldReferential, TZCLD_PHASES } from '@canevas/plugin-tzcld';
import { describe, expect, it } from 'vitest';
import { actionPlanPhases, GENERIC_PHASES, insertableTables } from './insertableTables.js';

describe('insertable tables', () => {
  it('offers the referential’s own phases for an action plan, generic ones otherwise', () => {
    const tzcld: ReferentialManifest = manifestSchema.parse(tzcldReferential);
    expect(actionPlanPhases(tzcld)).toEqual([...TZCLD_PHASES]);
    expect(actionPlanPhases(null)).toEqual([...GENERIC_PHASES]);
  });

  it('offers the four presets with the columns the rules, charts and exports read', () => {
    const choices = insertableTables(['A', 'B']);
    expect(choices.map((choice) => [choice.label, choice.table.kind])).toEqual([
      ['Budget (charges et produits)', 'budget'],
      ['Plan d’actions', 'action_plan'],
      ['Cartographie des parties prenantes', 'stakeholders'],
      ['Indicateurs', 'indicators'],
    ]);
    expect(choices[1]!.table.columns.find((column) => column.id === 'phase')?.enum).toEqual(['A', 'B']);
    expect(choices[0]!.table.columns.map((column) => column.id)).toEqual(['poste', 'nature', 'categorie', 'montant', 'source']);
  });
});
