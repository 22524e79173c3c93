import { describe, expect, it } from 'vitest';
import { tablePresets } from '../referential/tablePresets.js';
import { summarizeStakeholders } from './summarizeStakeholders.js';
import { tableFixture } from './tableFixture.js';

describe('summarizeStakeholders', () => {
  it('groups stakeholders from absent to actif and lists those without a valid level', () => {
    const map = summarizeStakeholders(
      tableFixture(tablePresets.stakeholders, [
        { acteur: 'Mairie', implication: 'Actif' },
        { acteur: 'Département', implication: 'informé' },
        { acteur: 'CCAS', implication: 'Actif' },
        { acteur: '', type: 'Associations' },
        { acteur: 'Pôle emploi', implication: 'Très impliqué' },
        {},
      ]),
    );
    expect(map.levels.map((l) => [l.level, l.stakeholders.map((s) => s.name)])).toEqual([
      ['Absent', []],
      ['Informé', ['Département']],
      ['Consulté', []],
      ['Associé', []],
      ['Actif', ['Mairie', 'CCAS']],
    ]);
    // A row with only its type still names a stakeholder to qualify.
    expect(map.missing.map((s) => s.name)).toEqual(['Associations']);
    expect(map.invalid.map((s) => [s.name, s.levelText])).toEqual([['Pôle emploi', 'Très impliqué']]);
    expect(map.all).toHaveLength(5);
  });
});
