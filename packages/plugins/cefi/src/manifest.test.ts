import { manifestSchema, validateManifest, type ReferentialManifest } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { cefiReferential } from './index.js';
import { MIND_MAP_STAGES } from './modalities.js';

const manifest: ReferentialManifest = manifestSchema.parse(cefiReferential);
const nodeById = new Map(manifest.nodes.map((node) => [node.id, node]));
const byCode = (code: string) => manifest.nodes.find((node) => node.code === code);
const childrenOf = (id: string) => manifest.nodes.filter((node) => node.parent === id).sort((a, b) => a.order - b.order);
const ofType = (type: string) => manifest.nodes.filter((node) => node.type === type);
const criteria = ofType('criterion');
const template = (id: string) => manifest.templates.find((t) => t.id === id);
const modality = (id: string) => manifest.modalities.find((m) => m.id === id);
const inBlock = (block: number) => (id: string) => id.startsWith(`bloc${block}-`);

describe('cefi manifest', () => {
  it('is a certification decided by a jury, with no RNCP code since the source gives none', () => {
    expect(manifest).toMatchObject({ id: 'cefi', kind: 'certification', coreApi: '^1.0.0', version: '1.0.0' });
    expect(manifest.source.rncp).toBeUndefined();
    expect(manifest.policy).toMatchObject({ assessorRoles: ['tutor'], signOff: 'jury' });
  });

  it("passes the registry's validation, cross-references included", () => {
    expect(validateManifest(cefiReferential)).toEqual({ ok: true, manifest });
  });

  it('has unique ids and only references ids that exist', () => {
    for (const list of [manifest.nodes, manifest.templates, manifest.rules, manifest.scales, manifest.modalities]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const scaleIds = new Set(manifest.scales.map((s) => s.id));
    const modalityIds = new Set(manifest.modalities.map((m) => m.id));
    for (const node of manifest.nodes) {
      if (node.parent) expect(nodeById.has(node.parent), `${node.id}.parent`).toBe(true);
      if (node.scale) expect(scaleIds.has(node.scale), `${node.id}.scale`).toBe(true);
      for (const m of node.modalities ?? []) expect(modalityIds.has(m), `${node.id} → ${m}`).toBe(true);
    }
    for (const m of manifest.modalities) {
      for (const id of m.evaluates) expect(nodeById.has(id), `${m.id} evaluates ${id}`).toBe(true);
      for (const id of m.templates ?? []) expect(template(id), `${m.id} → ${id}`).toBeDefined();
    }
    for (const t of manifest.templates) {
      const ids = t.sections.map((s) => s.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const s of t.sections) for (const id of s.nodes ?? []) expect(nodeById.has(id), `${t.id}/${s.id} → ${id}`).toBe(true);
    }
    for (const rule of manifest.rules) {
      if (rule.type === 'section_filled') {
        expect(template(rule.template)?.sections.some((s) => s.id === rule.section), rule.id).toBe(true);
      }
      if (rule.type === 'evidence_min') for (const id of rule.nodes ?? []) expect(nodeById.has(id), rule.id).toBe(true);
      if (rule.type === 'all_children') expect(nodeById.has(rule.node), rule.id).toBe(true);
    }
  });

  it('transcribes the three competency blocks with their labels', () => {
    expect(ofType('block').map((b) => [b.code, b.label])).toEqual([
      ['Bloc 1', "Accompagnement des personnes dans l’élaboration de leur projet et de leur parcours d’insertion"],
      ['Bloc 2', "Conseil auprès des entreprises et des personnes en vue de favoriser l’intermédiation vers l’emploi"],
      ['Bloc 3', "Participation à l’élaboration et la mise en œuvre de projets ou d’actions en faveur de l’insertion"],
    ]);
  });

  it('pairs each activity with its competency: 4, 5 and 3 per block', () => {
    const activities = (block: string) => childrenOf(block).filter((n) => n.type === 'activity');
    expect([1, 2, 3].map((b) => activities(`bloc${b}`).length)).toEqual([4, 5, 3]);
    for (const b of [1, 2, 3]) {
      for (const [i, activity] of activities(`bloc${b}`).entries()) {
        expect(activity.code).toBe(`B${b}-A${i + 1}`);
        expect(childrenOf(activity.id).map((c) => c.code)).toEqual([`B${b}-C${i + 1}`]);
      }
    }
    expect(byCode('B1-C2')?.label).toBe('Élaborer avec la personne un diagnostic de sa situation et de ses besoins');
    // The OCR reads « Informier »; the competency mirrors Activité 4 « Information des personnes… ».
    expect(byCode('B2-C4')?.label).toBe('Informer les personnes sur les évolutions du marché du travail, des parcours et de la formation');
    expect(byCode('B2-A4')?.description).toMatch(/^Auprès des personnes accompagnées\./);
    expect(byCode('B2-A1')?.description).toMatch(/^Auprès des entreprises\./);
    expect(byCode('B2-C3')?.description).toContain('le rôle du CEFI');
    expect(byCode('B1-C1')?.description).toContain('en conformité avec le RGPD');
    expect(byCode('B3-C3')?.description).toContain('(SWOT, PERT, GANTT…)');
  });

  it('assigns the 48 evaluation criteria to their competencies as the table rows do', () => {
    const counts = (block: number, competencies: number) =>
      Array.from({ length: competencies }, (_, i) => childrenOf(`bloc${block}-c${i + 1}`).filter((n) => n.type === 'criterion').length);
    expect(counts(1, 4)).toEqual([7, 4, 6, 1]);
    expect(counts(2, 5)).toEqual([7, 2, 2, 3, 5]);
    expect(counts(3, 3)).toEqual([2, 4, 4]);
    expect(criteria).toHaveLength(48);
    expect(criteria.every((c) => c.assessable && c.scale === 'acquisition')).toBe(true);
    expect(manifest.nodes.filter((n) => n.assessable)).toEqual(criteria);

    expect(byCode('B1-C1.1')?.label).toBe("La structure du candidat est présentée, elle en décrit l’organisation, les missions et activités.");
    expect(byCode('B1-C4.1')?.label).toMatch(/capacité à prendre du recul en faisant évoluer sa pratique\.$/);
    // Two criteria the flattening ran together in one cell of bloc 2.
    expect(byCode('B2-C2.1')?.label).toBe("Une analyse du profil des publics est réalisée au regard d’une offre d’emploi.");
    expect(byCode('B2-C3.2')?.label).toBe('Le candidat fait la preuve de relations avec le monde socio-économique.');
    // A criterion split across two table rows, reassembled.
    expect(byCode('B2-C5.1')?.label).toMatch(/^Les démarches d’accompagnement à la recherche d’emploi .* ressources diverses et notamment numériques, pour la veille/);
    expect(byCode('B3-C2.4')?.label).toBe('A minima, une ébauche de budget présente les différents postes de dépenses et des pistes de financements.');
    expect(byCode('B3-D1')).toMatchObject({ parent: 'bloc3', modalities: ['dossier-bloc3'] });
    expect(byCode('B3-D1')?.label).toMatch(/^Le dossier complémentaire témoigne d’une prise de distance/);
  });

  it('keeps the OCR and markup out of the labels', () => {
    for (const node of manifest.nodes) {
      const text = `${node.label} ${node.description ?? ''}`;
      expect(text, node.id).not.toMatch(/<\/?[a-z]|Informier|la RGPD| {2}|•/);
    }
  });

  it('evaluates each block with the modality the source gives, with its exact constraints', () => {
    expect(manifest.modalities.map((m) => [m.id, m.kind, m.constraints?.pages])).toEqual([
      ['memoire-bloc1', 'dissertation', 30],
      ['memoire-bloc2', 'dissertation', 30],
      ['carte-mentale-bloc3', 'mind_map', undefined],
      ['dossier-bloc3', 'written_dossier', 5],
    ]);
    const ids = criteria.map((c) => c.id);
    expect(modality('memoire-bloc1')?.evaluates).toEqual(ids.filter(inBlock(1)));
    expect(modality('memoire-bloc2')?.evaluates).toEqual(ids.filter(inBlock(2)));
    expect([...modality('carte-mentale-bloc3')!.evaluates, ...modality('dossier-bloc3')!.evaluates].sort()).toEqual(
      ids.filter(inBlock(3)).sort(),
    );
    expect(modality('carte-mentale-bloc3')?.description).toContain("l’analyse de sa faisabilité en termes de ressources et de partenaires");
  });

  it('offers the four templates, each section headed and prompted', () => {
    expect(manifest.templates.map((t) => [t.title, t.modality])).toEqual([
      ['Mémoire professionnel — bloc 1', 'memoire-bloc1'],
      ['Mémoire professionnel — bloc 2 (30 pages)', 'memoire-bloc2'],
      ['Bloc 3 — carte mentale', 'carte-mentale-bloc3'],
      ['Bloc 3 — dossier de 5 pages', 'dossier-bloc3'],
    ]);
    for (const t of manifest.templates) {
      expect(t.sections.length, t.id).toBeGreaterThanOrEqual(3);
      for (const s of t.sections) {
        expect(s.heading.length, `${t.id}/${s.id}`).toBeGreaterThan(3);
        expect(s.prompt?.length ?? 0, `${t.id}/${s.id}`).toBeGreaterThan(30);
      }
    }
  });

  it('gives every criterion a section to evidence it, in a template of a modality that evaluates it', () => {
    for (const criterion of criteria) {
      const homes = manifest.templates.filter((t) => t.sections.some((s) => s.nodes?.includes(criterion.id)));
      expect(homes.length, criterion.id).toBeGreaterThan(0);
      for (const t of homes) expect(modality(t.modality!)?.evaluates, `${criterion.id} in ${t.id}`).toContain(criterion.id);
    }
  });

  it('lays the mind map out as the stages of project methodology, in the source order', () => {
    const stages = template('carte-mentale-bloc3')!.sections.filter((s) => s.nodes?.length);
    expect(stages).toHaveLength(MIND_MAP_STAGES.length);
    expect(stages.map((s) => s.id)).toEqual(['contextualisation', 'initialisation', 'faisabilite', 'preparation', 'mise-en-oeuvre', 'evaluation']);
  });

  it('sizes the word minimums to the page counts', () => {
    const total = (templateId: string) =>
      manifest.rules.reduce((sum, r) => (r.type === 'section_filled' && r.template === templateId ? sum + r.minWords : sum), 0);
    // About 400 words a page: a 30-page mémoire is ~12,000 words, a 5-page dossier ~2,000.
    for (const id of ['memoire-bloc1', 'memoire-bloc2']) {
      expect(total(id), id).toBeGreaterThan(6000);
      expect(total(id), id).toBeLessThan(12000);
    }
    expect(total('dossier-bloc3')).toBeGreaterThan(1000);
    expect(total('dossier-bloc3')).toBeLessThanOrEqual(2000);
    const sectionRules = manifest.rules.filter((r) => r.type === 'section_filled');
    expect(sectionRules.filter((r) => r.template.startsWith('memoire') && r.severity === 'error').every((r) => r.minWords >= 300)).toBe(true);
    // Every section that evidences a criterion must be filled; only framing sections may warn.
    for (const rule of sectionRules) {
      const evidences = (template(rule.template)?.sections.find((s) => s.id === rule.section)?.nodes ?? []).length > 0;
      if (evidences) expect(rule.severity, rule.id).toBe('error');
    }
  });

  it('asks for one piece of evidence per criterion and every criterion of a block at « Acquis »', () => {
    const evidence = manifest.rules.filter((r) => r.type === 'evidence_min');
    expect(evidence.every((r) => r.count === 1)).toBe(true);
    expect(evidence.flatMap((r) => r.nodes ?? []).sort()).toEqual(criteria.map((c) => c.id).sort());
    const perBlock = manifest.rules.filter((r) => r.type === 'all_children');
    expect(perBlock.map((r) => [r.node, r.level])).toEqual([
      ['bloc1', 'acquis'],
      ['bloc2', 'acquis'],
      ['bloc3', 'acquis'],
    ]);
    expect(manifest.scales[0]?.levels.find((l) => l.id === 'acquis')?.proficient).toBe(true);
    expect(manifest.scales[0]?.levels.map((l) => l.label)).toEqual(['Non acquis', "En cours d’acquisition", 'Acquis', 'Maîtrisé']);
  });
});
