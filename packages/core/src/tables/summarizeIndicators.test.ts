import { describe, expect, it } from 'vitest';
import { tablePresets } from '../referential/tablePresets.js';
import { summarizeIndicators } from './summarizeIndicators.js';
import { tableFixture } from './tableFixture.js';

describe('summarizeIndicators', () => {
  it('computes écart = réalisé − cible and progress when both are numbers in one unit', () => {
    const items = summarizeIndicators(
      tableFixture(tablePresets.indicators, [
        { indicateur: 'Personnes rencontrées', cible: '120 personnes', realise: '132' },
        { indicateur: 'Taux de sortie', cible: '≥ 60 %', realise: '45,5 %', echeance: '3 mois après l’action' },
        { indicateur: 'Mélange', cible: '10 %', realise: '12 personnes' },
        { indicateur: 'Qualitatif', cible: 'à définir', realise: '3' },
        { indicateur: 'Sans réalisé', cible: '50' },
        { indicateur: 'Cible nulle', cible: '0', realise: '2' },
      ]),
    );
    expect(items.map((i) => [i.name, i.gap, i.unit])).toEqual([
      ['Personnes rencontrées', 12, 'personnes'],
      ['Taux de sortie', -14.5, '%'],
      ['Mélange', undefined, '%'],
      ['Qualitatif', undefined, ''],
      ['Sans réalisé', undefined, ''],
      ['Cible nulle', 2, ''],
    ]);
    expect(items[0]!.progress).toBeCloseTo(1.1, 6);
    expect(items[1]!.due).toBe('3 mois après l’action');
    expect(items[5]).not.toHaveProperty('progress');
  });
});
