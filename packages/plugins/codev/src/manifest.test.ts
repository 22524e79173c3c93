import { manifestSchema, validateManifest, type ReferentialManifest } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { codevReferential } from './index.js';

const manifest: ReferentialManifest = manifestSchema.parse(codevReferential);
const nodeById = new Map(manifest.nodes.map((node) => [node.id, node]));
const steps = manifest.nodes.filter((node) => node.type === 'activity').sort((a, b) => a.order - b.order);
const template = (id: string) => manifest.templates.find((t) => t.id === id);
const section = (templateId: string, sectionId: string) => template(templateId)?.sections.find((s) => s.id === sectionId);

describe('codev manifest', () => {
  it('is a method with nothing assessed and no automatic decision', () => {
    expect(manifest.kind).toBe('method');
    expect(manifest.policy).toMatchObject({ signOff: 'committee', decision: { type: 'none' } });
    expect(manifest.nodes.some((node) => node.assessable)).toBe(false);
    expect(manifest.rules.some((rule) => rule.type === 'evidence_min' || rule.type === 'all_children')).toBe(false);
  });

  it('passes the registry\'s validation, cross-references included', () => {
    expect(validateManifest(codevReferential)).toMatchObject({ ok: true });
  });

  it('has unique ids and only references ids that exist', () => {
    for (const list of [manifest.nodes, manifest.templates, manifest.rules]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const node of manifest.nodes) if (node.parent) expect(nodeById.has(node.parent), `${node.id}.parent`).toBe(true);
    for (const t of manifest.templates) {
      const ids = t.sections.map((s) => s.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const s of t.sections) for (const id of s.nodes ?? []) expect(nodeById.has(id), `${t.id}/${s.id} → ${id}`).toBe(true);
    }
    for (const rule of manifest.rules) {
      if (!('template' in rule)) continue;
      expect(template(rule.template), `${rule.id}.template`).toBeDefined();
      if (rule.section) expect(section(rule.template, rule.section), `${rule.id}.section`).toBeDefined();
      if (rule.type === 'table_check') {
        const columns = section(rule.template, rule.section)?.table?.columns.map((c) => c.id) ?? [];
        expect(columns.length, `${rule.id} checks a section without a table`).toBeGreaterThan(0);
        if (rule.column) expect(columns, `${rule.id}.column`).toContain(rule.column);
      }
    }
  });

  it('transcribes the six steps of the method in order', () => {
    expect(steps.map((step) => [step.code, step.label])).toEqual([
      ['Étape 1', 'Exposé de la problématique'],
      ['Étape 2', 'Clarification'],
      ['Étape 3', 'Contrat de consultation'],
      ['Étape 4', 'Consultation'],
      ['Étape 5', "Synthèse et plan d’action"],
      ['Étape 6', 'Partage des apprentissages de chacun'],
    ]);
    expect(steps.every((step) => step.parent === 'codeveloppement')).toBe(true);
    expect(steps[3]?.description).toMatch(/« Comment puis-je aider ce client \? »\. Le client ne répond pas/);
    expect(steps[2]?.description).toMatch(/sous la forme d’une question précise/);
    expect(steps[4]?.description).toMatch(/premier plan d’action, réalisable à court terme/);
    expect(nodeById.get('codeveloppement')?.description).toMatch(/« client », les autres étant ses « consultants »/);
  });

  it('records the three workshops as situations with the question each territory asked', () => {
    const cases = manifest.nodes.filter((node) => node.type === 'situation');
    expect(cases.map((node) => node.code)).toEqual(['Atelier 1', 'Atelier 2', 'Atelier 3']);
    expect(cases[2]?.label).toBe("Comment mobiliser les personnes privées d’emploi et qui ne sont pas identifiées par les services publics ?");
    expect(cases[0]?.description).toMatch(/Connect'ences/);
    expect(cases[1]?.description).toMatch(/Dordogne Corrézienne/);
  });

  it('walks a session through one section per step, then the action plan and its review', () => {
    const session = template('seance-codeveloppement');
    const stepSections = session?.sections.filter((s) => s.id.startsWith('etape-'));
    expect(stepSections?.map((s) => s.nodes)).toEqual(steps.map((step) => [step.id]));
    expect(stepSections?.map((s) => s.heading)).toEqual([
      'Étape 1 — Exposé de la problématique',
      'Étape 2 — Clarification',
      'Étape 3 — Contrat de consultation',
      'Étape 4 — Consultation',
      'Étape 5 — Synthèse',
      'Étape 6 — Partage des apprentissages de chacun',
    ]);
    const plan = section('seance-codeveloppement', 'plan-action');
    expect(plan?.table?.kind).toBe('action_plan');
    expect(plan?.table?.columns.map((c) => c.id)).toContain('echeance');
    expect(section('seance-codeveloppement', 'etape-4')?.table?.columns.find((c) => c.id === 'nature')?.enum).toEqual([
      'Impression',
      'Question',
      'Suggestion pratique',
      "Partage d’expérience",
    ]);
    expect(manifest.rules).toContainEqual(
      expect.objectContaining({ template: 'seance-codeveloppement', section: 'plan-action', check: 'min_rows', min: 1, severity: 'error' }),
    );
  });

  it('has one template per case study, tied to its workshop, every section with a prompt', () => {
    const byCase = { 'plateforme-partage-competences': 'atelier-1', 'demarche-gpect': 'atelier-2', 'mobilisation-tzcld': 'atelier-3' };
    for (const [templateId, caseId] of Object.entries(byCase)) {
      const t = template(templateId);
      expect(t?.sections.every((s) => s.nodes?.includes(caseId)), templateId).toBe(true);
    }
    for (const t of manifest.templates) for (const s of t.sections) expect(s.prompt?.length ?? 0, `${t.id}/${s.id}`).toBeGreaterThan(40);
    // Lessons from the source carried into prompts.
    expect(section('demarche-gpect', 'diagnostic')?.prompt).toMatch(/actualiser en continu/);
    expect(section('mobilisation-tzcld', 'personnes-ressources')?.table?.rows?.map((row) => row.type)).toContain('Médiateurs sociaux');
    expect(section('plateforme-partage-competences', 'coordination')?.prompt).toMatch(/« ne former qu’un »/);
  });
});
