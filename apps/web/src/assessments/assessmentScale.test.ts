import { decisionRuleText, isProficient, levelLabel, scaleOf, validateManifest, type Scale } from '@canevas/core';
import { anpeReferential } from '@canevas/plugin-anpe';
import { describe, expect, it } from 'vitest';
import { describeChange, newestFirst } from './assessmentScale.js';

const validation = validateManifest(anpeReferential);
if (!validation.ok) throw new Error('manifeste ANPE invalide');
const manifest = validation.manifest;

describe('assessment scales', () => {
  it('finds a node’s scale, falling back on the referential’s first', () => {
    const c1 = manifest.nodes.find((node) => node.id === 'c1')!;
    expect(scaleOf(manifest, c1)?.label).toBe('Degré de maîtrise');
    const { scale: _scale, ...withoutScale } = c1;
    expect(scaleOf(manifest, withoutScale)?.id).toBe('maitrise');
    expect(scaleOf({ ...manifest, scales: [] }, withoutScale)).toBeUndefined();
  });

  it('names levels and changes, and knows which levels are mastered', () => {
    const scale: Scale = scaleOf(manifest, manifest.nodes.find((node) => node.id === 'c1')!)!;
    expect(levelLabel(scale, 'maitrisee')).toBe('Maîtrisée');
    expect(levelLabel(scale, 'disparu')).toBe('disparu');
    expect(describeChange({ from: null, to: 'partiellement-maitrisee' }, scale)).toBe('Non évalué → Partiellement maîtrisée');
    expect(describeChange({ from: 'partiellement-maitrisee', to: 'maitrisee' }, scale)).toBe('Partiellement maîtrisée → Maîtrisée');
    expect(['non-maitrisee', 'partiellement-maitrisee', 'maitrisee'].map((level) => isProficient(scale, level))).toEqual([false, false, true]);
    expect(newestFirst([{ at: '1' }, { at: '2' }]).map((change) => change.at)).toEqual(['2', '1']);
  });

  it('states the decision rule: the referential’s words, else the rule’s', () => {
    expect(decisionRuleText(manifest.policy.decision)).toContain('compétences clefs');
    expect(decisionRuleText({ type: 'all_key_mastered' })).toBe('Validé seulement si chaque compétence clé est maîtrisée.');
    expect(decisionRuleText({ type: 'none' })).toBe('Ce référentiel ne prévoit pas de décision automatique.');
  });
});
