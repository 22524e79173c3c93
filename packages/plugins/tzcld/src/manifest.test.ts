import { manifestSchema, validateManifest, type ReferentialManifest } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { TZCLD_PHASES, tzcldReferential } from './index.js';

const manifest: ReferentialManifest = manifestSchema.parse(tzcldReferential);
const nodeById = new Map(manifest.nodes.map((node) => [node.id, node]));
const byCode = (code: string) => manifest.nodes.find((node) => node.code === code);
const childrenOf = (id: string) => manifest.nodes.filter((node) => node.parent === id).sort((a, b) => a.order - b.order);
const criteria = manifest.nodes.filter((node) => node.type === 'criterion');
const template = (id: string) => manifest.templates.find((t) => t.id === id);
const section = (templateId: string, sectionId: string) => template(templateId)?.sections.find((s) => s.id === sectionId);

describe('tzcld manifest', () => {
  it('is a certification decided by a jury once every criterion is proficient', () => {
    expect(manifest.kind).toBe('certification');
    expect(manifest.coreApi).toBe('^1.0.0');
    expect(manifest.policy).toMatchObject({
      assessorRoles: ['tutor'],
      signOff: 'jury',
      decision: { type: 'all_assessable_proficient' },
    });
  });

  it('passes the registry\'s validation, cross-references included', () => {
    expect(validateManifest(tzcldReferential)).toMatchObject({ ok: true });
  });

  it('has unique ids for nodes, templates, rules, scales and modalities, and unique section ids per template', () => {
    for (const list of [manifest.nodes, manifest.templates, manifest.rules, manifest.scales, manifest.modalities]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const t of manifest.templates) {
      const ids = t.sections.map((s) => s.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
    }
  });

  it('only references ids that exist', () => {
    const scaleIds = new Set(manifest.scales.map((scale) => scale.id));
    const modalityIds = new Set(manifest.modalities.map((modality) => modality.id));
    for (const node of manifest.nodes) {
      if (node.parent) expect(nodeById.has(node.parent), `${node.id}.parent`).toBe(true);
      if (node.scale) expect(scaleIds.has(node.scale), `${node.id}.scale`).toBe(true);
      for (const id of node.modalities ?? []) expect(modalityIds.has(id), `${node.id}.modalities`).toBe(true);
      if (node.assessable) expect(node.scale, `${node.id} is assessable without a scale`).toBeDefined();
    }
    for (const modality of manifest.modalities) {
      for (const id of modality.evaluates) expect(nodeById.has(id), `${modality.id} evaluates ${id}`).toBe(true);
      for (const id of modality.templates ?? []) expect(template(id), `${modality.id} template ${id}`).toBeDefined();
    }
    for (const t of manifest.templates) {
      if (t.modality) expect(modalityIds.has(t.modality), `${t.id}.modality`).toBe(true);
      for (const s of t.sections) {
        for (const id of s.nodes ?? []) expect(nodeById.has(id), `${t.id}/${s.id} → ${id}`).toBe(true);
      }
    }
    for (const rule of manifest.rules) {
      if ('template' in rule) {
        expect(template(rule.template), `${rule.id}.template`).toBeDefined();
        if ('section' in rule && rule.section) expect(section(rule.template, rule.section), `${rule.id}.section`).toBeDefined();
      }
      if (rule.type === 'table_check') {
        const columns = section(rule.template, rule.section)?.table?.columns.map((c) => c.id) ?? [];
        expect(columns.length, `${rule.id} checks a section without a table`).toBeGreaterThan(0);
        if (rule.column) expect(columns, `${rule.id}.column`).toContain(rule.column);
        if (rule.explanationSection) expect(section(rule.template, rule.explanationSection), `${rule.id}.explanationSection`).toBeDefined();
      }
      if (rule.type === 'measure_set') {
        expect(section(rule.template, rule.section!)?.table?.columns.map((c) => c.id), `${rule.id}.column`).toContain(rule.column);
      }
      if (rule.type === 'evidence_min') for (const id of rule.nodes ?? []) expect(nodeById.has(id), `${rule.id} → ${id}`).toBe(true);
    }
  });

  it('pairs the four activities with CP1–CP4 and their criteria counts', () => {
    const activities = manifest.nodes.filter((node) => node.type === 'activity');
    expect(activities).toHaveLength(4);
    const counts = Object.fromEntries(
      activities.map((activity) => {
        const [competency] = childrenOf(activity.id);
        return [competency?.code, childrenOf(competency!.id).filter((node) => node.type === 'criterion').length];
      }),
    );
    expect(counts).toEqual({ CP1: 5, CP2: 3, CP3: 4, CP4: 3 });
    expect(criteria).toHaveLength(15);
    expect(activities[2]?.description).toBe(
      "Préparation et animation du comité local pour l’emploi (CLE) pour engager et organiser les contributions.",
    );
  });

  it('transcribes competencies and criteria in corrected French', () => {
    expect(byCode('CP4')?.label).toBe(
      "Évaluer et ajuster les actions mises en œuvre pour garantir l’accès à l’emploi de toutes les personnes qui en sont durablement privées en utilisant les indicateurs de pilotage appropriés",
    );
    expect(byCode('CP1-C3')?.label).toBe(
      "Le candidat présente un plan de communication complet, comportant : des objectifs SMART ; plusieurs cibles ; divers canaux, outils et événements ; un planning de mise en œuvre, un budget et des indicateurs d’évaluation.",
    );
    expect(byCode('CP3-C1')?.label).toBe("La cartographie des parties prenantes qualifie leur niveau d’implication (d’absent à actif).");
    expect(byCode('CP4-C2')?.label).toBe(
      "Des indicateurs d’évaluation sont déterminés localement pour mesurer l’atteinte des grands objectifs du plan d’actions.",
    );
    // The OCR's errors must not survive: « I'accés », « chdmeur », « plagant », « ['atteinte », « ceuvre ».
    for (const node of manifest.nodes) {
      expect(`${node.label} ${node.description ?? ''}`, node.id).not.toMatch(/I'|accés|chdmeur|plagant|\['|ceuvre/);
    }
  });

  it('assesses every criterion, and only criteria, on a scale whose top two levels are proficient', () => {
    expect(manifest.nodes.filter((node) => node.assessable)).toEqual(criteria);
    expect(criteria.every((node) => node.scale === 'acquisition')).toBe(true);
    expect(manifest.scales[0]?.levels.map((level) => [level.label, level.proficient])).toEqual([
      ['Non acquis', false],
      ["En cours d’acquisition", false],
      ['Acquis', true],
      ['Maîtrisé', true],
    ]);
  });

  it('evaluates every criterion through the written dossier, its annexes and the oral pitch', () => {
    expect(manifest.modalities.map((m) => [m.kind, m.label])).toEqual([
      ['written_dossier', 'Dossier écrit du candidat'],
      ['annex', 'Annexes du dossier candidat'],
      ['oral', 'Présentation orale (pitch et Q/R)'],
    ]);
    for (const modality of manifest.modalities) expect(modality.evaluates.sort()).toEqual(criteria.map((c) => c.id).sort());
    expect(manifest.modalities[1]?.description).toMatch(/budget et outil de veille financements/);
    expect(manifest.modalities[1]?.templates).toContain('plan-actions');
    expect(manifest.modalities[2]?.templates).toEqual(['pitch']);
  });

  it('gives every criterion a template section that can evidence it, and every section a heading and a prompt', () => {
    const evidenced = new Set(manifest.templates.flatMap((t) => t.sections.flatMap((s) => s.nodes ?? [])));
    for (const criterion of criteria) expect(evidenced.has(criterion.id), criterion.code).toBe(true);
    for (const t of manifest.templates) {
      expect(t.sections.length, t.id).toBeGreaterThan(1);
      for (const s of t.sections) {
        expect(s.heading.length, `${t.id}/${s.id}`).toBeGreaterThan(3);
        expect(s.prompt?.length ?? 0, `${t.id}/${s.id} prompt`).toBeGreaterThan(40);
      }
    }
  });

  it('builds the communication plan from the parts CP1-C3 requires', () => {
    expect(template('plan-communication')?.sections.map((s) => s.heading)).toEqual([
      'Objectifs',
      'Cibles',
      'Canaux',
      'Outils et événements',
      'Planning de mise en œuvre',
      'Budget',
      "Indicateurs d’évaluation",
    ]);
    expect(section('plan-communication', 'outils-evenements')?.nodes).toContain('cp1-c4');
  });

  it('structures the action plan in the four TZCLD phases and checks that each is covered', () => {
    expect(TZCLD_PHASES).toEqual([
      'Fabrique et animation du consensus',
      "Rencontre et mobilisation des personnes privées durablement d’emploi",
      'Identification des travaux utiles',
      "Ouverture des entreprises à but d’emploi",
    ]);
    const table = section('plan-actions', 'actions')?.table;
    expect(table?.kind).toBe('action_plan');
    expect(table?.columns.find((c) => c.id === 'phase')?.enum).toEqual([...TZCLD_PHASES]);
    expect(manifest.rules).toContainEqual(
      expect.objectContaining({ type: 'table_check', template: 'plan-actions', section: 'actions', check: 'phases_covered', column: 'phase', values: [...TZCLD_PHASES] }),
    );
  });

  it('checks the budget for charges and produits, balance (or an explanation) and funding sources', () => {
    expect(section('budget', 'budget')?.table?.kind).toBe('budget');
    const checks = manifest.rules.filter((r) => r.type === 'table_check' && r.template === 'budget' && r.section === 'budget');
    expect(checks.map((r) => r.type === 'table_check' && r.check).sort()).toEqual(['balanced', 'column_filled', 'has_charges_and_produits']);
    expect(checks).toContainEqual(expect.objectContaining({ check: 'balanced', explanationSection: 'ecart' }));
    expect(checks).toContainEqual(expect.objectContaining({ check: 'column_filled', column: 'source', where: { column: 'nature', values: ['Produit'] } }));
    expect(section('budget', 'outil-veille')?.table?.columns.find((c) => c.id === 'source')?.enum).toEqual([
      'Partenariat',
      'Mécénat',
      'Appel à projets',
      'Subvention publique',
    ]);
  });

  it('starts the stakeholder map with the parties prenantes the source names, implication to qualify', () => {
    const table = section('cartographie-parties-prenantes', 'cartographie')?.table;
    expect(table?.kind).toBe('stakeholders');
    expect(table?.columns.find((c) => c.id === 'implication')?.enum).toEqual(['Absent', 'Informé', 'Consulté', 'Associé', 'Actif']);
    expect(table?.rows?.map((row) => row.type)).toContain("Structures de l’insertion par l’activité économique");
    expect(table?.rows).toHaveLength(10);
    expect(manifest.rules).toContainEqual(
      expect.objectContaining({ type: 'table_check', template: 'cartographie-parties-prenantes', check: 'column_valid', column: 'implication' }),
    );
  });

  it('requires evidence for every criterion and targets for every indicators table', () => {
    expect(manifest.rules).toContainEqual(expect.objectContaining({ type: 'evidence_min', nodeType: 'criterion', count: 1 }));
    const indicatorSections = manifest.templates.flatMap((t) =>
      t.sections.filter((s) => s.table?.kind === 'indicators').map((s) => `${t.id}/${s.id}`),
    );
    const measured = manifest.rules.flatMap((r) => (r.type === 'measure_set' ? [`${r.template}/${r.section}`] : []));
    expect(measured.sort()).toEqual(indicatorSections.sort());
    expect(indicatorSections).toContain('tableau-bord-exhaustivite/indicateurs');
  });
});
