import { describe, expect, it } from 'vitest';
import { manifestSchema, type ReferentialManifest } from '../referential/manifestSchema.js';
import type { Assessment } from '../review/Assessment.js';
import type { EvidenceLink } from '../review/EvidenceLink.js';
import type { ProseMirrorJSON } from '../schema/documentContent.js';
import { templateToProseMirrorJSON } from '../schema/templateToProseMirrorJSON.js';
import { PHASES, sampleManifest } from '../testing/sampleManifest.js';
import { completenessTree } from './completenessTree.js';
import { evaluateCompleteness, type CompletenessInput } from './evaluateCompleteness.js';

const manifest = manifestSchema.parse(sampleManifest);

function withRules(rules: unknown[], policy?: unknown): ReferentialManifest {
  return manifestSchema.parse({ ...sampleManifest, rules, ...(policy ? { policy } : {}) });
}

function emptyDocument(templateId: string): ProseMirrorJSON {
  return templateToProseMirrorJSON(manifest.templates.find((t) => t.id === templateId)!);
}

const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');

/** Writes a paragraph right after a section's heading. */
function write(doc: ProseMirrorJSON, sectionId: string, text: string): ProseMirrorJSON {
  const content = [...doc.content!];
  const at = content.findIndex((n) => n.type === 'heading' && n.attrs?.sectionId === sectionId);
  content.splice(at + 1, 1, paragraph(text));
  return { ...doc, content };
}

/** Replaces the rows of a section's typed table. */
function rows(doc: ProseMirrorJSON, sectionId: string, values: Record<string, string>[]): ProseMirrorJSON {
  return {
    ...doc,
    content: doc.content!.map((node) => {
      if (node.type !== 'typedTable' || node.attrs?.sectionId !== sectionId) return node;
      const columns = node.attrs.columns as { id: string }[];
      return {
        ...node,
        content: values.map((row) => ({
          type: 'typedTableRow',
          content: columns.map((c) => ({
            type: 'typedTableCell',
            attrs: { column: c.id },
            ...(row[c.id] ? { content: [{ type: 'text', text: row[c.id]! }] } : {}),
          })),
        })),
      };
    }),
  };
}

let nextId = 0;
function link(nodeId: string, status: EvidenceLink['status'] = 'attached'): EvidenceLink {
  nextId++;
  return {
    id: `e${nextId}`,
    nodeId,
    status,
    anchor: { start: 'AA==', end: 'AA==', quote: { exact: 'passage', prefix: '', suffix: '' } },
    createdBy: 'candidate',
    createdAt: '2026-03-01T10:00:00Z',
  };
}
const assess = (nodeId: string, level: string, at = '2026-04-01T10:00:00Z'): Assessment => ({ nodeId, level, by: 'tutor', at });

function run(overrides: Partial<CompletenessInput> & { content: ProseMirrorJSON }) {
  return evaluateCompleteness({ manifest, evidence: [], assessments: [], ...overrides });
}

const messages = (report: { missing: { message: string }[] }) => report.missing.map((m) => m.message);

function filledDossier() {
  let doc = emptyDocument('dossier');
  doc = write(doc, 'diagnostic', words(25));
  doc = write(doc, 'partenaires', words(30));
  return doc;
}

const allEvidence = () => ['c1-1', 'c1-1', 'c1-2', 'c1-2', 'c2-1', 'c2-1'].map((id) => link(id));

const actionRows = PHASES.map((phase, i) => ({ action: `Action ${i + 1}`, phase, responsable: 'Équipe projet' }));

describe('evaluateCompleteness on an empty document', () => {
  it.each(['dossier', 'plan-actions', 'budget'])('shows everything missing for « %s »', (templateId) => {
    const report = run({ templateId, content: emptyDocument(templateId) });
    expect(report.score).toBe(0);
    expect(report.checks.satisfied).toBe(0);
    expect(report.criteria.every((c) => c.status === 'absent')).toBe(true);
    expect(messages(report)).toContain("Le critère C1.1 n’a aucune preuve liée.");
    expect(report.decision.outcome).toBe('pending');
  });

  it('explains each missing part of the plan d’actions', () => {
    const report = run({ templateId: 'plan-actions', content: emptyDocument('plan-actions') });
    expect(messages(report)).toEqual(
      expect.arrayContaining([
        "La phase « Rencontre et mobilisation… » n’a aucune action.",
        'Le tableau « Actions » compte 0 action sur les 4 attendues.',
        "Le tableau « Actions » n’a aucune ligne.",
        "Le tableau « Indicateurs » n’a aucun indicateur.",
      ]),
    );
  });

  it('explains each missing part of the budget', () => {
    const report = run({ templateId: 'budget', content: emptyDocument('budget') });
    expect(messages(report)).toEqual(
      expect.arrayContaining([
        "Le budget « Budget prévisionnel » n’a aucune charge.",
        "Le budget « Budget prévisionnel » n’a aucun produit.",
        "Le budget « Budget prévisionnel » n’a aucun montant.",
      ]),
    );
  });
});

describe('evaluateCompleteness on a filled example', () => {
  it('shows every criterion covered; only the assessments are missing', () => {
    const report = run({ templateId: 'dossier', content: filledDossier(), evidence: allEvidence() });
    expect(report.criteria.map((c) => [c.nodeId, c.status])).toEqual([
      ['c1', 'couvert'],
      ['c1-1', 'couvert'],
      ['c1-2', 'couvert'],
      ['c2', 'couvert'],
      ['c2-1', 'couvert'],
    ]);
    expect(report.missing.every((m) => m.ruleId === 'enfants-acquis')).toBe(true);
  });

  it('scores 100 and validates once the key competencies are assessed as mastered', () => {
    const assessments = ['c1', 'c1-1', 'c1-2', 'c2'].map((id) => assess(id, 'acquis'));
    const report = run({ templateId: 'dossier', content: filledDossier(), evidence: allEvidence(), assessments });
    expect(report.missing).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.criteria.find((c) => c.nodeId === 'c1')).toMatchObject({
      status: 'évalué',
      assessment: { level: 'acquis', label: 'Acquis', proficient: true },
    });
    expect(report.decision).toMatchObject({ outcome: 'validated', label: 'Validé' });
  });

  it('covers a filled plan d’actions and a balanced budget', () => {
    let plan = rows(emptyDocument('plan-actions'), 'actions', actionRows);
    plan = rows(plan, 'indicateurs', [{ indicateur: 'Personnes rencontrées', cible: '120' }]);
    const planReport = run({ templateId: 'plan-actions', content: plan, evidence: allEvidence(), assessments: [assess('c1-1', 'acquis'), assess('c1-2', 'expert')] });
    expect(planReport.missing).toEqual([]);

    const budget = rows(emptyDocument('budget'), 'budget', [
      { poste: 'Salaires', nature: 'Charge', montant: '1 234,56 €', source: 'Subvention publique' },
      { poste: 'Subvention', nature: 'Produit', montant: '1234.56', source: 'Subvention publique' },
    ]);
    const budgetReport = run({ templateId: 'budget', content: budget, evidence: allEvidence(), assessments: [assess('c1-1', 'acquis'), assess('c1-2', 'acquis')] });
    expect(budgetReport.missing).toEqual([]);
    expect(budgetReport.score).toBe(100);
  });
});

describe('rules', () => {
  it('section_filled counts French words and finds renamed or untagged headings', () => {
    const rule = [{ id: 'r', type: 'section_filled', template: 'budget', section: 'ecart', minWords: 150 }];
    const m = withRules(rule);
    let doc = write(emptyDocument('budget'), 'ecart', "L’écart « provisoire » s’explique : 12 mots au total, pas plus ni moins.");
    let report = evaluateCompleteness({ manifest: m, templateId: 'budget', content: doc, evidence: [], assessments: [] });
    expect(messages(report)).toEqual(['La section « Explication de l’écart » compte 13 mots sur les 150 attendus.']);

    doc = write(doc, 'ecart', words(150));
    // Renamed by the author: the section id still links it.
    doc.content!.find((n) => n.attrs?.sectionId === 'ecart')!.content = [{ type: 'text', text: 'Pourquoi un écart' }];
    report = evaluateCompleteness({ manifest: m, templateId: 'budget', content: doc, evidence: [], assessments: [] });
    expect(report.missing).toEqual([]);

    // Pasted without the id: matched by its text, ignoring case and accents.
    const pasted: ProseMirrorJSON = {
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: "EXPLICATION DE L’ECART" }] }, paragraph(words(150))],
    };
    report = evaluateCompleteness({ manifest: m, templateId: 'budget', content: pasted, evidence: [], assessments: [] });
    expect(report.missing).toEqual([]);

    report = evaluateCompleteness({ manifest: m, templateId: 'budget', content: { type: 'doc', content: [] }, evidence: [], assessments: [] });
    expect(messages(report)).toEqual(['La section « Explication de l’écart » est absente du document.']);
  });

  it('section_filled keeps an author’s own sub-headings inside the section', () => {
    const m = withRules([{ id: 'r', type: 'section_filled', template: 'dossier', section: 'diagnostic', minWords: 10 }]);
    const doc = filledDossier();
    const content = [...doc.content!];
    content.splice(1, 1, { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Mon intertitre' }] }, paragraph(words(10)));
    const report = evaluateCompleteness({ manifest: m, templateId: 'dossier', content: { ...doc, content }, evidence: [], assessments: [] });
    expect(report.missing).toEqual([]);
  });

  it('template-bound rules apply only to their template', () => {
    const report = run({ templateId: 'budget', content: emptyDocument('budget') });
    expect(report.missing.some((m) => m.ruleId === 'dossier-rempli' || m.ruleId === 'phases')).toBe(false);
    expect(report.missing.some((m) => m.ruleId === 'preuves')).toBe(true);
  });

  it('evidence_min counts attached links only, on the node and its descendants', () => {
    const m = withRules([{ id: 'r', type: 'evidence_min', nodes: ['c1-1', 'c2'], count: 2 }]);
    const evidence = [link('c1-1'), link('c1-1', 'detached'), link('c2-1'), link('c2-1')];
    const report = evaluateCompleteness({ manifest: m, content: { type: 'doc' }, evidence, assessments: [] });
    expect(messages(report)).toEqual(['Le critère C1.1 a 1 preuve liée sur les 2 attendues.']);
    expect(report.criteria.find((c) => c.nodeId === 'c1-1')).toMatchObject({ status: 'partiel', evidenceCount: 1, requiredEvidence: 2 });
    expect(report.criteria.find((c) => c.nodeId === 'c2')).toMatchObject({ status: 'couvert', evidenceCount: 2 });
  });

  it('a criterion whose section is not filled is only partiel', () => {
    const report = run({ templateId: 'dossier', content: emptyDocument('dossier'), evidence: allEvidence() });
    expect(report.criteria.find((c) => c.nodeId === 'c1-1')!.status).toBe('partiel');
  });

  it('table_check min_rows and column_filled', () => {
    const partial = rows(emptyDocument('plan-actions'), 'actions', [
      { action: 'Réunion publique', phase: PHASES[0], responsable: 'Mairie' },
      { action: 'Porte-à-porte', phase: PHASES[0] },
    ]);
    const report = run({ templateId: 'plan-actions', content: partial });
    expect(messages(report)).toEqual(
      expect.arrayContaining([
        'Le tableau « Actions » compte 2 actions sur les 4 attendues.',
        "Dans le tableau « Actions », 1 ligne n’a pas de « Responsable ».",
      ]),
    );
    const full = run({ templateId: 'plan-actions', content: rows(emptyDocument('plan-actions'), 'actions', actionRows) });
    expect(full.missing.filter((m) => ['actions-min', 'responsables', 'phases'].includes(m.ruleId))).toEqual([]);
  });

  it('table_check phases_covered names each phase without actions', () => {
    const doc = rows(emptyDocument('plan-actions'), 'actions', [{ action: 'A', phase: 'identification des travaux utiles' }]);
    const phases = run({ templateId: 'plan-actions', content: doc }).missing.filter((m) => m.ruleId === 'phases');
    expect(phases.map((m) => m.message)).toEqual([
      "La phase « Rencontre et mobilisation… » n’a aucune action.",
      "La phase « Construction du consensus territorial » n’a aucune action.",
      "La phase « Préfiguration de l’entreprise… » n’a aucune action.",
    ]);
  });

  it('table_check balanced: a gap fails unless it is explained', () => {
    const unbalanced = rows(emptyDocument('budget'), 'budget', [
      { poste: 'Salaires', nature: 'Charge', montant: '12 000 €' },
      { poste: 'Subvention', nature: 'Produit', montant: '10 000,00' },
    ]);
    const report = run({ templateId: 'budget', content: unbalanced });
    const message = report.missing.find((m) => m.ruleId === 'equilibre')!.message.replace(/\s/g, ' ');
    expect(message).toBe(
      "Le budget « Budget prévisionnel » n’est pas équilibré : 12 000,00 € de charges pour 10 000,00 € de produits (écart de 2 000,00 €), et l’écart n’est pas expliqué dans la section « Explication de l’écart ».",
    );
    const explained = run({ templateId: 'budget', content: write(unbalanced, 'ecart', 'Le mécénat attendu couvrira l’écart.') });
    expect(explained.missing.some((m) => m.ruleId === 'equilibre')).toBe(false);
  });

  it('table_check balanced flags unreadable amounts without dropping them', () => {
    const doc = rows(emptyDocument('budget'), 'budget', [{ poste: 'Salaires', nature: 'Charge', montant: 'douze mille' }]);
    expect(messages(run({ templateId: 'budget', content: doc }))).toContain(
      'Le budget « Budget prévisionnel » contient des montants illisibles : « douze mille ».',
    );
  });

  it('table_check has_charges_and_produits', () => {
    const doc = rows(emptyDocument('budget'), 'budget', [{ poste: 'Salaires', nature: 'Charge', montant: '100' }]);
    const failing = run({ templateId: 'budget', content: doc }).missing.filter((m) => m.ruleId === 'charges-produits');
    expect(failing.map((m) => m.message)).toEqual(["Le budget « Budget prévisionnel » n’a aucun produit."]);
  });

  it('table_check balanced sums to the cent and flags amounts without nature', () => {
    const cents = rows(emptyDocument('budget'), 'budget', [
      { poste: 'A', nature: 'Charge', montant: '0,10' },
      { poste: 'B', nature: 'Charge', montant: '0,20' },
      { poste: 'C', nature: 'Produit', montant: '0,30 €' },
    ]);
    expect(run({ templateId: 'budget', content: cents }).missing.some((m) => m.ruleId === 'equilibre')).toBe(false);
    const loose = rows(emptyDocument('budget'), 'budget', [
      { poste: 'A', nature: 'Charge', montant: '100' },
      { poste: 'B', montant: '100' },
    ]);
    expect(run({ templateId: 'budget', content: loose }).missing.find((m) => m.ruleId === 'equilibre')?.message).toBe(
      "Dans le budget « Budget prévisionnel », la ligne 2 a un montant sans nature (« Charge » ou « Produit ») : il n’est pas compté.",
    );
  });

  it('table_check where: only the rows of the given kind', () => {
    const m = withRules([
      { id: 'sources', type: 'table_check', template: 'budget', section: 'budget', check: 'column_filled', column: 'source', where: { column: 'nature', values: ['Produit'] } },
      { id: 'produits', type: 'table_check', template: 'budget', section: 'budget', check: 'min_rows', min: 2, where: { column: 'nature', values: ['Produit'] } },
    ]);
    const doc = rows(emptyDocument('budget'), 'budget', [
      { poste: 'Salaires', nature: 'Charge', montant: '100' },
      { poste: 'Subvention', nature: 'produit', montant: '60', source: 'Subvention publique' },
      { poste: 'Don', nature: 'Produit', montant: '40' },
    ]);
    const report = evaluateCompleteness({ manifest: m, templateId: 'budget', content: doc, evidence: [], assessments: [] });
    // The charge has no source either, but only produits need one.
    expect(messages(report)).toEqual(["Dans le tableau « Budget prévisionnel », 1 ligne n’a pas de « Source de financement »."]);
    const none = evaluateCompleteness({ manifest: m, templateId: 'budget', content: rows(emptyDocument('budget'), 'budget', [{ poste: 'Salaires', nature: 'Charge' }]), evidence: [], assessments: [] });
    expect(messages(none)).toEqual([
      "Le tableau « Budget prévisionnel » n’a aucune ligne de type « Produit ».",
      'Le tableau « Budget prévisionnel » compte 0 ligne de type « Produit » sur les 2 attendues.',
    ]);
  });

  it('table_check column_valid: every row fills the column with a value its type accepts', () => {
    const m = withRules([
      { id: 'echeances', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'column_valid', column: 'echeance' },
      { id: 'statuts', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'column_valid', column: 'statut', severity: 'warning' },
    ]);
    const doc = rows(emptyDocument('plan-actions'), 'actions', [
      { action: 'Réunion', echeance: '15/06/2026', statut: 'terminee' },
      { action: 'Forum', echeance: '31/02/2026', statut: 'Fini' },
      { action: 'Porte-à-porte' },
    ]);
    const report = evaluateCompleteness({ manifest: m, templateId: 'plan-actions', content: doc, evidence: [], assessments: [] });
    expect(report.missing.map((item) => [item.ruleId, item.severity, item.message])).toEqual([
      ['echeances', 'error', "Dans le tableau « Actions », la ligne 3 n’a pas d'« Échéance »."],
      ['echeances', 'error', 'Ligne 2 du tableau « Actions », « Échéance » : Date impossible : « 31/02/2026 » — février 2026 compte 28 jours.'],
      ['statuts', 'warning', "Dans le tableau « Actions », la ligne 3 n’a pas de « Statut »."],
      ['statuts', 'warning', 'Ligne 2 du tableau « Actions », « Statut » : « Fini » ne fait pas partie des valeurs proposées : « À faire », « En cours », « Terminée », « Abandonnée ».'],
    ]);
    const fixed = rows(emptyDocument('plan-actions'), 'actions', [{ action: 'Réunion', echeance: '15/06/26', statut: 'En cours' }]);
    const passing = evaluateCompleteness({ manifest: m, templateId: 'plan-actions', content: fixed, evidence: [], assessments: [] });
    expect(passing.missing).toEqual([]);
    expect(passing.checks).toEqual({ total: 2, satisfied: 2 });
  });

  it('table_check column_valid counts user row numbers, empty rows included', () => {
    const m = withRules([{ id: 'r', type: 'table_check', template: 'plan-actions', section: 'actions', check: 'column_valid', column: 'echeance' }]);
    const doc = rows(emptyDocument('plan-actions'), 'actions', [{ action: 'A', echeance: '01/01/2026' }, {}, { action: 'B', echeance: 'demain' }]);
    expect(messages(evaluateCompleteness({ manifest: m, templateId: 'plan-actions', content: doc, evidence: [], assessments: [] }))).toEqual([
      'Ligne 3 du tableau « Actions », « Échéance » : Date illisible : « demain ». Écrivez-la au format jj/mm/aaaa, par exemple 15/06/2026.',
    ]);
  });

  it('measure_set: every indicator row needs a target', () => {
    const doc = rows(emptyDocument('plan-actions'), 'indicateurs', [
      { indicateur: 'Personnes rencontrées', cible: '120' },
      { indicateur: 'Sorties vers l’emploi' },
    ]);
    const failing = run({ templateId: 'plan-actions', content: doc }).missing.filter((m) => m.ruleId === 'cibles');
    expect(failing.map((m) => m.message)).toEqual(["L’indicateur « Sorties vers l’emploi » n’a pas de cible."]);
  });

  it('all_children: every assessable descendant reaches the level', () => {
    const m = withRules([{ id: 'r', type: 'all_children', node: 'c1', level: 'acquis' }]);
    const base = { manifest: m, content: { type: 'doc' }, evidence: [] };
    const failing = evaluateCompleteness({ ...base, assessments: [assess('c1-1', 'en-cours'), assess('c1-1', 'acquis', '2026-01-01T00:00:00Z')] });
    expect(messages(failing)).toEqual([
      'Le critère C1.1 est évalué « En cours d’acquisition », en dessous du niveau « Acquis ».',
      "Le critère C1.2 n’est pas encore évalué (niveau attendu : « Acquis »).",
    ]);
    const passing = evaluateCompleteness({ ...base, assessments: [assess('c1-1', 'expert'), assess('c1-2', 'acquis')] });
    expect(passing.missing).toEqual([]);
  });

  it('custom rules call the registered function, and say when it is missing', () => {
    const m = withRules([{ id: 'mots', type: 'custom', fn: 'minTotalWords', params: { min: 5 }, severity: 'warning' }]);
    const ruleFunctions = {
      minTotalWords: ({ outline, params }: { outline: { totalWords: number }; params: Record<string, unknown> }) => ({
        ok: outline.totalWords >= Number(params.min),
        message: `Le document compte ${outline.totalWords} mots.`,
      }),
    };
    const short = evaluateCompleteness({ manifest: m, content: { type: 'doc', content: [paragraph('trois petits mots')] }, evidence: [], assessments: [], ruleFunctions });
    expect(short.missing).toEqual([{ ruleId: 'mots', severity: 'warning', nodeIds: [], sectionIds: [], message: 'Le document compte 3 mots.' }]);
    const unknown = evaluateCompleteness({ manifest: m, content: { type: 'doc' }, evidence: [], assessments: [] });
    expect(messages(unknown)).toEqual(["La règle « mots » utilise la fonction « minTotalWords », qu’aucun plugin n’a enregistrée."]);
    const throwing = evaluateCompleteness({ manifest: m, content: { type: 'doc' }, evidence: [], assessments: [], ruleFunctions: new Map([['minTotalWords', () => { throw new Error('boum'); }]]) });
    expect(messages(throwing)).toEqual(['La règle « mots » a échoué : boum']);
  });

  it('a rule message overrides the default explanation', () => {
    const m = withRules([{ id: 'r', type: 'evidence_min', nodes: ['c2-1'], count: 1, message: 'Reliez un passage au critère C2.1.' }]);
    expect(messages(evaluateCompleteness({ manifest: m, content: { type: 'doc' }, evidence: [], assessments: [] }))).toEqual(['Reliez un passage au critère C2.1.']);
  });
});

describe('decision', () => {
  const anpe = withRules([], { signOff: 'commission', decision: { type: 'all_key_mastered' } });
  const decide = (assessments: Assessment[], m = anpe) =>
    evaluateCompleteness({ manifest: m, content: { type: 'doc' }, evidence: [], assessments }).decision;

  it('ANPE: validated only when every key competency is mastered', () => {
    expect(decide([assess('c1', 'acquis'), assess('c2', 'expert')])).toEqual({
      rule: 'all_key_mastered',
      outcome: 'validated',
      label: 'Validé',
      reasons: [],
      progress: { assessed: 2, total: 2 },
    });
    expect(decide([assess('c1', 'acquis'), assess('c2', 'en-cours')])).toEqual({
      rule: 'all_key_mastered',
      outcome: 'not_validated',
      label: 'Non validé',
      reasons: ['La compétence C2 est évaluée « En cours d’acquisition », en dessous du niveau requis « Acquis ».'],
      progress: { assessed: 2, total: 2 },
    });
    // The latest assessment counts.
    expect(decide([assess('c1', 'acquis'), assess('c2', 'acquis'), assess('c2', 'non-acquis', '2026-05-01T00:00:00Z')]).outcome).toBe('not_validated');
  });

  it('stays « En cours d’évaluation » until every node the rule decides on is assessed, even after a failed one', () => {
    expect(decide([])).toMatchObject({ outcome: 'pending', label: "En attente d’évaluation", reasons: ['2 compétences clés restent à évaluer.'] });
    expect(decide([assess('c1', 'acquis')])).toMatchObject({
      outcome: 'pending',
      label: 'En cours d’évaluation (1 compétence clé évaluée sur 2)',
      reasons: ['1 compétence clé reste à évaluer.'],
    });
    expect(decide([assess('c1', 'non-acquis')])).toEqual({
      rule: 'all_key_mastered',
      outcome: 'pending',
      label: 'En cours d’évaluation (1 compétence clé évaluée sur 2)',
      reasons: ['La compétence C1 est évaluée « Non acquis », en dessous du niveau requis « Acquis ».', '1 compétence clé reste à évaluer.'],
      progress: { assessed: 1, total: 2 },
    });
    const all = withRules([], { signOff: 'jury', decision: { type: 'all_assessable_proficient' } });
    // Mixed node types are counted as « éléments ».
    expect(decide([assess('c1-1', 'en-cours')], all)).toMatchObject({
      outcome: 'pending',
      label: 'En cours d’évaluation (1 élément évalué sur 5)',
      reasons: ['Le critère C1.1 est évalué « En cours d’acquisition », en dessous du niveau requis « Acquis ».', '4 éléments restent à évaluer.'],
    });
  });

  it('reads a node without its own scale on the referential’s first, as the server accepts it', () => {
    const m = manifestSchema.parse({
      ...sampleManifest,
      nodes: sampleManifest.nodes.map((node) => (node.id === 'c2' ? { ...node, scale: undefined } : node)),
      policy: { ...sampleManifest.policy, decision: { type: 'all_key_mastered' } },
    });
    expect(decide([assess('c1', 'acquis'), assess('c2', 'expert')], m)).toMatchObject({ outcome: 'validated' });
  });

  it('all_assessable_proficient and none', () => {
    const all = withRules([], { signOff: 'jury', decision: { type: 'all_assessable_proficient' } });
    expect(decide([assess('c1', 'acquis'), assess('c2', 'acquis')], all).outcome).toBe('pending');
    expect(decide(['c1', 'c1-1', 'c1-2', 'c2', 'c2-1'].map((id) => assess(id, 'acquis')), all).outcome).toBe('validated');
    const none = withRules([], { signOff: 'committee', decision: { type: 'none' } });
    expect(decide([], none)).toMatchObject({ outcome: 'none', label: 'Pas de décision automatique' });
  });
});

describe('completenessTree', () => {
  it('groups statuses by block, competency and criterion', () => {
    const report = run({ templateId: 'dossier', content: filledDossier(), evidence: [link('c1-1'), link('c1-1')] });
    const [block] = completenessTree(manifest, report);
    expect(block!.node.id).toBe('b1');
    expect(block!.status).toBe('partiel');
    const [c1, c2] = block!.children;
    expect(c1!.children.map((c) => [c.node.id, c.status])).toEqual([
      ['c1-1', 'couvert'],
      ['c1-2', 'absent'],
    ]);
    expect(c1!.status).toBe('partiel');
    expect(c2!.status).toBe('absent');
    expect(c2!.children[0]!.missing.map((m) => m.message)).toEqual(["Le critère C2.1 n’a aucune preuve liée."]);
  });
});
