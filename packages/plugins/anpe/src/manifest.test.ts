import {
  evaluateCompleteness,
  manifestSchema,
  validateManifest,
  type Assessment,
  type EvidenceLink,
  type ReferentialManifest,
} from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { anpeReferential } from './index.js';

const manifest: ReferentialManifest = manifestSchema.parse(anpeReferential);
const nodeById = new Map(manifest.nodes.map((node) => [node.id, node]));
const byCode = (code: string) => manifest.nodes.find((node) => node.code === code);
const childrenOf = (id: string) => manifest.nodes.filter((node) => node.parent === id).sort((a, b) => a.order - b.order);
const dossier = manifest.templates.find((t) => t.id === 'dossier-validation')!;
const section = (id: string) => dossier.sections.find((s) => s.id === id);
const SENTENCE = "La maîtrise de l’ensemble des compétences clefs est une condition indispensable pour être validé.";

describe('anpe manifest', () => {
  it('is an internal validation that the regional commission decides on mastery of every key competency', () => {
    expect(manifest).toMatchObject({ id: 'anpe', kind: 'internal_validation', coreApi: '^1.0.0', version: '1.0.0' });
    expect(manifest.policy).toEqual({
      assessorRoles: ['tutor'],
      selfAssess: false,
      signOff: 'commission',
      decision: { type: 'all_key_mastered', description: SENTENCE },
    });
  });

  it("passes the registry's validation, cross-references included", () => {
    expect(validateManifest(anpeReferential)).toEqual({ ok: true, manifest });
  });

  it('has unique ids and only references ids that exist', () => {
    for (const list of [manifest.nodes, manifest.templates, manifest.rules, manifest.scales, manifest.modalities, dossier.sections]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const modalityIds = new Set(manifest.modalities.map((m) => m.id));
    for (const node of manifest.nodes) {
      if (node.parent) expect(nodeById.has(node.parent), `${node.id}.parent`).toBe(true);
      if (node.scale) expect(node.scale).toBe('maitrise');
      for (const m of node.modalities ?? []) expect(modalityIds.has(m), `${node.id} → ${m}`).toBe(true);
    }
    for (const m of manifest.modalities) {
      for (const id of m.evaluates) expect(nodeById.has(id), `${m.id} evaluates ${id}`).toBe(true);
      for (const id of m.templates ?? []) expect(manifest.templates.some((t) => t.id === id), `${m.id} → ${id}`).toBe(true);
    }
    for (const s of dossier.sections) for (const id of s.nodes ?? []) expect(nodeById.has(id), `${s.id} → ${id}`).toBe(true);
    for (const rule of manifest.rules) {
      if (rule.type === 'section_filled') expect(section(rule.section!), rule.id).toBeDefined();
      if (rule.type === 'evidence_min') for (const id of rule.nodes ?? []) expect(nodeById.has(id), rule.id).toBe(true);
      if (rule.type === 'all_children') expect(nodeById.has(rule.node), rule.id).toBe(true);
    }
  });

  it('transcribes the three key competencies, the only nodes assessed', () => {
    const key = manifest.nodes.filter((n) => n.key);
    expect(key.map((n) => [n.code, n.label])).toEqual([
      ['C1', "Maîtriser la transmission de son expertise et sa capacité à adapter et à construire des méthodes d’intervention pour produire des services"],
      ['C2', "Maîtriser la conduite de projet et/ou la coordination d’actions en interne et/ou en externe"],
      ['C3', "Maîtriser la veille informative et technique en interne et en externe dans une logique d’optimisation des actes métier"],
    ]);
    expect(key.every((n) => n.type === 'competency' && n.parent === 'competences-clefs')).toBe(true);
    expect(manifest.nodes.filter((n) => n.assessable)).toEqual(key);
    expect(byCode('C1')?.description).toContain("Maîtriser les connaissances, outils, méthodes, techniques du métier du conseil à l’emploi");
    expect(byCode('C3')?.description).toMatch(/^Capacité à se tenir informé des pratiques/);
  });

  it('lists the example situations and activities of each key competency in source order', () => {
    const examples = (id: string) => childrenOf(id).filter((n) => n.type !== 'criterion');
    expect(examples('c1').map((n) => n.type)).toEqual(['situation', 'situation', 'situation']);
    expect(examples('c2').map((n) => n.type)).toEqual(['situation', 'situation', 'situation', 'activity', 'situation']);
    expect(examples('c3').map((n) => n.type)).toEqual(['situation', 'activity', 'activity', 'activity']);
    expect(byCode('C1-S1')?.description).toContain("entretien de construction du PPAE (projet personnalisé d’accès à l’emploi)");
    expect(byCode('C2-S5')?.label).toBe("Dans les situations de reporting : point sur l’avancée des travaux ; prise de décisions et arbitrages");
    expect(byCode('C3-S2')?.label).toMatch(/^Identification de réseaux de ressources/);
  });

  it("transcribes the regional commission's criteria: 9, 10 and 6", () => {
    const criteria = (id: string) => childrenOf(id).filter((n) => n.type === 'criterion');
    expect(['c1', 'c2', 'c3'].map((id) => criteria(id).length)).toEqual([9, 10, 6]);
    expect(criteria('c1')[0]?.label).toBe(
      'Connaissez le potentiel et les limites des outils, techniques à votre disposition et savez les utiliser au quotidien et à bon escient',
    );
    expect(byCode('C1.9')?.label).toBe("Évaluez l’impact de votre action");
    expect(byCode('C2.10')?.label).toBe('Formalisez et communiquez le bilan du projet ou des actions');
    expect(byCode('C3.4')?.label).toBe(
      "Tirez les enseignements des actions et les mettez à disposition des agents, de l’ELP, de votre supérieur hiérarchique, de l’EDD",
    );
  });

  it('keeps prior learning and the attestation as requirements', () => {
    expect(childrenOf('acquis-formalises').map((n) => [n.type, n.label])).toEqual([
      ['requirement', 'Les validations obtenues'],
      ['requirement', 'Les formations suivies'],
      ['requirement', 'Les expériences professionnelles'],
    ]);
    expect(nodeById.get('acquis-formalises')?.description).toContain("démontrer l’intérêt qu’ils représentent pour l’exercice de l’emploi");
    expect(nodeById.get('attestation-responsable')?.type).toBe('requirement');
    expect(nodeById.get('contenu-emploi')?.description).toContain('niveau IVA');
  });

  it('relies on the written dossier, the interview and the regional commission', () => {
    expect(manifest.modalities.map((m) => [m.kind, m.label])).toEqual([
      ['written_dossier', 'Dossier écrit de validation'],
      ['interview', 'Entretien'],
      ['commission', 'Commission régionale de validation'],
    ]);
    for (const m of manifest.modalities) expect(m.evaluates).toEqual(expect.arrayContaining(['c1', 'c2', 'c3']));
    expect(manifest.scales[0]?.levels.filter((l) => l.proficient).map((l) => l.label)).toEqual(['Maîtrisée']);
  });

  it('structures the dossier by key competency: situations, manner of proceeding, results', () => {
    expect(dossier.title).toBe('Dossier de validation');
    for (const id of ['c1', 'c2', 'c3']) {
      const parts = [`${id}-situations`, `${id}-maniere`, `${id}-resultats`].map(section);
      expect(parts.every((s) => s?.level === 3), id).toBe(true);
      const covered = parts.flatMap((s) => s?.nodes ?? []).sort();
      expect(covered, id).toEqual(childrenOf(id).map((n) => n.id).sort());
    }
    expect(section('c2')?.heading).toBe("C2 — Maîtriser la conduite de projet et/ou la coordination d’actions en interne et/ou en externe");
    expect(section('attestation')?.nodes).toEqual(['attestation-responsable']);
    expect(section('acquis-formations')?.table?.columns.find((c) => c.id === 'type')?.enum).toEqual(['Formation initiale', 'Formation continue']);
    for (const s of dossier.sections) expect(s.prompt?.length ?? 0, s.id).toBeGreaterThan(30);
  });

  describe('completeness', () => {
    const emptyDoc = { type: 'doc', content: [] };
    const link = (nodeId: string, n: number): EvidenceLink => ({
      id: `${nodeId}-${n}`,
      nodeId,
      anchor: {} as EvidenceLink['anchor'],
      status: 'attached',
      createdBy: 'agent',
      createdAt: '2024-01-01T00:00:00Z',
    });
    const assess = (nodeId: string, level: string): Assessment => ({ nodeId, level, by: 'tuteur', at: '2024-02-01T00:00:00Z' });
    const report = (evidence: EvidenceLink[], assessments: Assessment[]) =>
      evaluateCompleteness({ manifest, templateId: 'dossier-validation', content: emptyDoc, evidence, assessments });

    it('wants two passages per key competency, counting those linked to its situations and criteria', () => {
      const evidence = [link('c1-situation-1', 1), link('c1-critere-2', 1), link('c2', 1)];
      const missing = report(evidence, []).missing.filter((m) => m.ruleId === 'competences-clefs.preuves');
      expect(missing.map((m) => m.nodeIds)).toEqual([['c2'], ['c3']]);
    });

    it('validates only when all three key competencies are mastered', () => {
      const mastered = ['c1', 'c2', 'c3'].map((id) => assess(id, 'maitrisee'));
      expect(report([], mastered).decision.outcome).toBe('validated');
      const oneShort = [...mastered.slice(0, 2), assess('c3', 'partiellement-maitrisee')];
      const decided = report([], oneShort);
      expect(decided.decision.outcome).toBe('not_validated');
      expect(decided.missing.find((m) => m.ruleId === 'competences-clefs.maitrise')?.message).toBe(SENTENCE);
    });
  });
});
