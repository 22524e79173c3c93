import { manifestSchema, type ReferentialManifest } from '@canevas/core';
import { describe, expect, it } from 'vitest';
import { pdieReferential } from './manifest.js';

const manifest: ReferentialManifest = manifestSchema.parse(pdieReferential);
const nodeById = new Map(manifest.nodes.map((node) => [node.id, node]));
const childrenOf = (id: string) => manifest.nodes.filter((node) => node.parent === id);
const ficheByCode = (code: string) => manifest.nodes.find((node) => node.type === 'fiche' && node.code === code);
const indicatorsOf = (code: string) => childrenOf(ficheByCode(code)?.id ?? '').filter((node) => node.type === 'indicator');

describe('pdie manifest', () => {
  it('is a call for projects signed off by a committee, without automatic decision', () => {
    expect(manifest.kind).toBe('call_for_projects');
    expect(manifest.policy).toMatchObject({ assessorRoles: ['tutor'], signOff: 'committee', decision: { type: 'none' } });
  });

  it('has unique ids for nodes, templates, rules, scales and modalities, and unique section ids per template', () => {
    for (const list of [manifest.nodes, manifest.templates, manifest.rules, manifest.scales, manifest.modalities]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const template of manifest.templates) {
      const ids = template.sections.map((section) => section.id);
      expect(new Set(ids).size, template.id).toBe(ids.length);
    }
  });

  it('only references ids that exist', () => {
    const scaleIds = new Set(manifest.scales.map((scale) => scale.id));
    const modalityIds = new Set(manifest.modalities.map((modality) => modality.id));
    const templates = new Map(manifest.templates.map((template) => [template.id, template]));
    for (const node of manifest.nodes) {
      if (node.parent) expect(nodeById.has(node.parent), `${node.id}.parent`).toBe(true);
      if (node.scale) expect(scaleIds.has(node.scale), `${node.id}.scale`).toBe(true);
      for (const modality of node.modalities ?? []) expect(modalityIds.has(modality), `${node.id}.modalities`).toBe(true);
      if (node.assessable) expect(node.scale, `${node.id} is assessable without a scale`).toBeDefined();
    }
    for (const modality of manifest.modalities) {
      for (const id of modality.evaluates) expect(nodeById.has(id), `${modality.id} evaluates ${id}`).toBe(true);
      for (const id of modality.templates ?? []) expect(templates.has(id), `${modality.id} template ${id}`).toBe(true);
    }
    for (const template of manifest.templates) {
      if (template.modality) expect(modalityIds.has(template.modality)).toBe(true);
      for (const section of template.sections) {
        for (const id of section.nodes ?? []) expect(nodeById.has(id), `${template.id}/${section.id} → ${id}`).toBe(true);
      }
    }
    for (const rule of manifest.rules) {
      if ('template' in rule) {
        const template = templates.get(rule.template);
        expect(template, `${rule.id}.template`).toBeDefined();
        if ('section' in rule && rule.section) {
          expect(template?.sections.some((section) => section.id === rule.section), `${rule.id}.section`).toBe(true);
        }
      }
      if (rule.type === 'measure_set') {
        const section = templates.get(rule.template)?.sections.find((s) => s.id === rule.section);
        expect(section?.table?.columns.map((column) => column.id), `${rule.id}.column`).toContain(rule.column);
      }
      if (rule.type === 'evidence_min') {
        for (const id of rule.nodes ?? []) expect(nodeById.has(id), `${rule.id} → ${id}`).toBe(true);
      }
    }
  });

  it('has the nine fiches with the number of indicators the call lists for each', () => {
    const counts = Object.fromEntries(
      manifest.nodes.filter((node) => node.type === 'fiche').map((fiche) => [fiche.code, indicatorsOf(fiche.code!).length]),
    );
    expect(counts).toEqual({
      'Fiche 1': 7,
      'Fiche 2A': 6,
      'Fiche 2B': 5,
      'Fiche 3A': 4,
      'Fiche 3B': 5,
      'Fiche 4': 5,
      'Fiche 5': 4,
      'Fiche 6': 4,
      'Fiche 7': 3,
    });
  });

  it('transcribes the fiches titles and some indicators exactly', () => {
    expect(ficheByCode('Fiche 3B')?.label).toBe('Mobilité : permis de conduire');
    expect(ficheByCode('Fiche 7')?.label).toBe(
      "Développer un accompagnement ciblé, levier pour l’insertion professionnelle des publics vulnérables",
    );
    expect(indicatorsOf('Fiche 1').map((node) => node.label)).toContain('Nombre de projets validés');
    expect(indicatorsOf('Fiche 3B')[1]?.label).toBe("Nombre d’heures de code et de conduite effectuées par participant");
    expect(indicatorsOf('Fiche 4').map((node) => node.label)).toContain("Réussite aux tests d’entrée en formation certifiante");
    expect(indicatorsOf('Fiche 6').map((node) => node.label)).toEqual([
      'Nombre de bénéficiaires',
      'Nombre de mises en relation avec des employeurs',
      'Nombre de sorties en emploi en fin de formation et à 3 mois',
      'Type de contrat de travail obtenu',
    ]);
  });

  it('says when an indicator is measured after the action, as the call does', () => {
    const accessToJob = indicatorsOf('Fiche 2B').at(-1);
    expect(accessToJob?.label).toBe("Accès à la formation ou à l’emploi des bénéficiaires à l’issue de l’action");
    expect(accessToJob?.measure?.timing).toBe("3 mois après l’action");
    // Fiche 3A lists no indicator measured after the action.
    expect(indicatorsOf('Fiche 3A').every((node) => node.measure?.timing === undefined)).toBe(true);
  });

  it('gives every fiche objectives and its public, and makes indicators assessable on the conformity scale', () => {
    for (const fiche of manifest.nodes.filter((node) => node.type === 'fiche')) {
      const children = childrenOf(fiche.id);
      expect(children.some((node) => node.type === 'objective'), fiche.code).toBe(true);
      expect(children.find((node) => node.label === 'Profil du public')?.description, fiche.code).toMatch(/RSA/);
    }
    for (const indicator of manifest.nodes.filter((node) => node.type === 'indicator')) {
      expect(indicator).toMatchObject({ assessable: true, scale: 'conformite' });
    }
    expect(manifest.scales[0]?.levels.filter((level) => level.proficient).map((level) => level.label)).toEqual(['Conforme']);
  });

  it('has one application template per fiche with the required sections', () => {
    expect(manifest.templates.map((template) => template.title)).toEqual(
      ['1', '2A', '2B', '3A', '3B', '4', '5', '6', '7'].map((n) => `Dossier de candidature — Fiche ${n}`),
    );
    for (const template of manifest.templates) {
      expect(template.sections.map((section) => section.heading)).toEqual([
        'Présentation de la structure',
        "Note d’opportunité",
        'Public visé',
        'Objectifs pédagogiques',
        "Contenu de l’action",
        'Moyens et partenariats',
        'Calendrier',
        'Budget prévisionnel',
        "Indicateurs d’évaluation",
      ]);
      const note = template.sections.find((section) => section.id === 'note-opportunite');
      expect(note?.prompt).toMatch(/diagnostic des besoins/);
      expect(note?.prompt).toMatch(/codes ROME/);
      expect(template.sections.find((section) => section.id === 'budget')?.table?.kind).toBe('budget');
    }
  });

  it("starts each indicators table with the fiche's indicators and no target", () => {
    const template = manifest.templates.find((t) => t.title === 'Dossier de candidature — Fiche 5');
    const section = template?.sections.find((s) => s.id === 'indicateurs');
    expect(section?.table?.kind).toBe('indicators');
    expect(section?.table?.rows?.map((row) => row.indicateur)).toEqual(indicatorsOf('Fiche 5').map((node) => node.label));
    expect(section?.table?.rows?.every((row) => row.cible === '')).toBe(true);
    expect(section?.nodes).toEqual(expect.arrayContaining(indicatorsOf('Fiche 5').map((node) => node.id)));
    // The prompts remind the fiche's own demands: Fiche 5 requires a certification needed for the job.
    expect(template?.sections.find((s) => s.id === 'note-opportunite')?.prompt).toMatch(/certification proposée est une condition nécessaire/);
  });

  it('requires a target for every indicator and a filled note in every template', () => {
    for (const template of manifest.templates) {
      const rules = manifest.rules.filter((rule) => 'template' in rule && rule.template === template.id);
      expect(rules).toContainEqual(
        expect.objectContaining({ type: 'measure_set', section: 'indicateurs', column: 'cible', severity: 'error' }),
      );
      const note = rules.find((rule) => rule.type === 'section_filled' && rule.section === 'note-opportunite');
      expect(note && note.type === 'section_filled' ? note.minWords : 0).toBeGreaterThanOrEqual(150);
    }
  });
});
