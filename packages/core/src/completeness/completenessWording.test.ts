import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../referential/manifestSchema.js';
import type { Assessment } from '../review/Assessment.js';
import type { EvidenceLink } from '../review/EvidenceLink.js';
import { templateToProseMirrorJSON } from '../schema/templateToProseMirrorJSON.js';
import { sampleManifest } from '../testing/sampleManifest.js';
import { completenessWording, evidenceWording, statusWording } from './completenessWording.js';
import { evaluateCompleteness } from './evaluateCompleteness.js';

const manifest = manifestSchema.parse(sampleManifest);
const dossier = templateToProseMirrorJSON(manifest.templates.find((t) => t.id === 'dossier')!);
const link = (nodeId: string, n: number): EvidenceLink => ({
  id: `${nodeId}-${n}`,
  nodeId,
  status: 'attached',
  anchor: { start: 'AA==', end: 'AA==', quote: { exact: 'passage', prefix: '', suffix: '' } },
  createdBy: 'candidate',
  createdAt: '2026-03-01T10:00:00Z',
});
const assess = (nodeId: string, level: string): Assessment => ({ nodeId, level, by: 'tutor', at: '2026-04-01T10:00:00Z' });
const wording = (evidence: EvidenceLink[], assessments: Assessment[]) =>
  completenessWording(manifest, evaluateCompleteness({ manifest, templateId: 'dossier', content: dossier, evidence, assessments }));
const criterion = (w: ReturnType<typeof wording>, code: string) => w.criteria.find((c) => c.code === code)!;

describe('completenessWording', () => {
  it('an assessment below the required level is not shown as a success', () => {
    const w = wording([], [assess('c1', 'en-cours'), assess('c2', 'acquis')]);
    expect(criterion(w, 'C1')).toMatchObject({
      status: { icon: '!', label: 'Évalué · non atteint', tone: 'below' },
      level: 'En cours d’acquisition — niveau requis non atteint (« Acquis » attendu)',
    });
    expect(criterion(w, 'C2')).toMatchObject({ status: { icon: '✓', label: 'Évalué · atteint', tone: 'evalue' }, level: 'Acquis — niveau requis atteint' });
    // The decision uses the level's own label, and what was required, never « niveau non maîtrisé ».
    expect(w.decision).toMatchObject({
      icon: '✗',
      label: 'Non validé',
      reasons: ['La compétence C1 est évaluée « En cours d’acquisition », en dessous du niveau requis « Acquis ».'],
    });
  });

  it('the decision waits for every required node: « En cours d’évaluation » after the first assessment', () => {
    const w = wording([], [assess('c1', 'non-acquis')]);
    expect(w.decision).toMatchObject({ icon: '…', label: 'En cours d’évaluation (1 compétence clé évaluée sur 2)' });
  });

  it('criteria left to assess are one line, not one per criterion', () => {
    const w = wording([], []);
    const lines = w.toComplete.map((item) => item.message);
    // The all_children rule on C1 covers C1.1 and C1.2: counted, once.
    expect(lines.filter((line) => line.includes('évalu'))).toEqual(['2 critères restent à évaluer.']);
    expect(w.decision.reasons).toEqual(['2 compétences clés restent à évaluer.']);
    const one = wording([], [assess('c1-1', 'non-acquis')]).toComplete.map((item) => item.message);
    expect(one).toContain('1 critère reste à évaluer.');
    expect(one).toContain('Le critère C1.1 est évalué « Non acquis », en dessous du niveau « Acquis ».');
  });

  it('a met evidence count says so, and a partial criterion says what else it lacks', () => {
    const w = wording([link('c1-1', 1), link('c1-1', 2)], []);
    // C1.1: two passages, but its section « Diagnostic territorial » is empty.
    expect(criterion(w, 'C1.1')).toMatchObject({ evidence: '2 preuves (2 requises) : suffisant', status: { label: 'Partiel · 1 section à remplir' } });
    // C1: enough evidence through C1.1, but C1.1 is partial and C1.2 has none.
    expect(criterion(w, 'C1')).toMatchObject({ evidence: '2 preuves (1 requise) : suffisant', status: { label: 'Partiel · 2 sous-critères à couvrir' } });
    expect(criterion(w, 'C1.2')).toMatchObject({ evidence: '0 preuve sur 2', status: { label: 'Absent' } });
    expect(evidenceWording({ evidenceCount: 1, requiredEvidence: 2 })).toBe('1 preuve sur 2');
    // Above the criteria, one line counts those short of evidence.
    expect(w.toComplete.map((item) => item.message)).toContain('2 critères manquent de preuves liées.');
  });

  it('a status without its report keeps the plain word (a group of criteria)', () => {
    expect(statusWording('évalué').label).toBe('Évalué');
    expect(statusWording('partiel').label).toBe('Partiel');
  });
});
