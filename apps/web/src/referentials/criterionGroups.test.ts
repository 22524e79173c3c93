import { validateManifest, type ReferentialManifest, type ReferentialManifestInput } from '@canevas/core';
import { tzcldReferential } from '@canevas/plugin-tzcld';
import { describe, expect, it } from 'vitest';
import { criterionGroups, filterCriterionGroups, searchKey } from './criterionGroups.js';

function validated(input: ReferentialManifestInput): ReferentialManifest {
  const result = validateManifest(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.manifest;
}

const tzcld = validated(tzcldReferential);

describe('criterionGroups', () => {
  it('groups the TZCLD criteria under their competency, in order, with their codes', () => {
    const groups = criterionGroups(tzcld);
    expect(groups.map((group) => group.code)).toEqual(['CP1', 'CP2', 'CP3', 'CP4']);
    expect(groups.map((group) => group.criteria.length)).toEqual([5, 3, 4, 3]);
    expect(groups[1]!.criteria.map((criterion) => criterion.code)).toEqual(['CP2-C1', 'CP2-C2', 'CP2-C3']);
  });

  it('offers every node of a referential that has no criteria, under « Autres éléments » at the root', () => {
    const method = validated({
      id: 'methode',
      version: '1.0.0',
      coreApi: '^1.0.0',
      title: 'Une méthode',
      kind: 'method',
      source: { document: 'Guide' },
      nodes: [
        { id: 'etape-2', code: 'É2', type: 'activity', label: 'Questions', order: 2 },
        { id: 'etape-1', code: 'É1', type: 'activity', label: 'Exposé', order: 1 },
        { id: 'etape-1-a', type: 'objective', label: 'Formuler la demande', parent: 'etape-1', order: 1 },
      ],
      policy: { signOff: 'tutor', decision: { type: 'none' } },
    });
    expect(criterionGroups(method)).toEqual([
      {
        id: '',
        label: 'Autres éléments',
        criteria: [
          { id: 'etape-1', code: 'É1', label: 'Exposé' },
          { id: 'etape-2', code: 'É2', label: 'Questions' },
        ],
      },
      { id: 'etape-1', code: 'É1', label: 'Exposé', criteria: [{ id: 'etape-1-a', label: 'Formuler la demande' }] },
    ]);
  });
});

describe('filterCriterionGroups', () => {
  const groups = criterionGroups(tzcld);

  it('matches every word in any order, without accents or case', () => {
    const found = filterCriterionGroups(groups, 'PRIORISÉ contexte');
    expect(found.flatMap((group) => group.criteria.map((criterion) => criterion.code))).toEqual(['CP2-C2']);
    expect(searchKey('Écart d’objectifs')).toBe("ecart d'objectifs");
  });

  it('finds criteria by their code or their group’s code, and drops empty groups', () => {
    expect(filterCriterionGroups(groups, 'cp4-c2').flatMap((g) => g.criteria.map((c) => c.id))).toEqual(['cp4-c2']);
    const cp3 = filterCriterionGroups(groups, 'CP3');
    expect(cp3.map((group) => group.code)).toEqual(['CP3']);
    expect(cp3[0]!.criteria).toHaveLength(4);
    expect(filterCriterionGroups(groups, 'introuvable')).toEqual([]);
    expect(filterCriterionGroups(groups, '   ')).toHaveLength(4);
  });
});
