import { validateManifest } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { criterionModalities } from './criterionModalities.js';
import { modalityConstraints } from './referentialLabels.js';

const result = validateManifest({
  id: 'exemple',
  version: '1.0.0',
  coreApi: '^1.0.0',
  title: 'Exemple',
  kind: 'certification',
  source: { document: 'Référentiel' },
  nodes: [
    { id: 'bloc-1', code: 'B1', type: 'block', label: 'Bloc 1', order: 1 },
    { id: 'c1', code: 'C1', type: 'competency', label: 'Compétence', parent: 'bloc-1', order: 1 },
    { id: 'c1-1', code: 'C1.1', type: 'criterion', label: 'Critère', parent: 'c1', order: 1, modalities: ['oral'] },
    { id: 'c1-2', code: 'C1.2', type: 'criterion', label: 'Autre critère', parent: 'c1', order: 2 },
  ],
  modalities: [
    { id: 'memoire', kind: 'dissertation', label: 'Mémoire', constraints: { pages: 30 }, evaluates: ['bloc-1'] },
    { id: 'oral', kind: 'oral', label: 'Soutenance', constraints: { minutes: 20, pages: 1 } },
    { id: 'dossier', kind: 'written_dossier', label: 'Dossier', evaluates: ['c1-2'] },
  ],
  policy: { signOff: 'jury', decision: { type: 'none' } },
});
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const manifest = result.manifest;

describe('criterionModalities', () => {
  it('includes modalities that evaluate an ancestor and those the node lists, in manifest order', () => {
    expect(criterionModalities(manifest, 'c1-1').map((m) => m.id)).toEqual(['memoire', 'oral']);
    expect(criterionModalities(manifest, 'c1-2').map((m) => m.id)).toEqual(['memoire', 'dossier']);
    expect(criterionModalities(manifest, 'inconnu')).toEqual([]);
  });
});

describe('modalityConstraints', () => {
  it('states pages, words and minutes in French', () => {
    expect(modalityConstraints(manifest.modalities[0]!)).toBe('30 pages');
    expect(modalityConstraints(manifest.modalities[1]!)).toBe('1 page, 20 minutes');
    expect(modalityConstraints({ constraints: { words: 12000 } })).toBe('12\u202f000 mots');
    expect(modalityConstraints(manifest.modalities[2]!)).toBe('');
  });
});
