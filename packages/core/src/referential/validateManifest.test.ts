import { describe, expect, it } from 'vitest';
import { sampleManifest } from '../testing/sampleManifest.js';
import { validateManifest } from './validateManifest.js';

function broken(mutate: (m: ReturnType<typeof copy>) => void) {
  const m = copy();
  mutate(m);
  const result = validateManifest(m);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

function copy() {
  return JSON.parse(JSON.stringify(sampleManifest)) as {
    nodes: Record<string, unknown>[];
    scales: { id: string; levels: { id: string }[] }[];
    modalities: Record<string, unknown>[];
    templates: { id: string; sections: Record<string, unknown>[] }[];
    rules: Record<string, unknown>[];
    [key: string]: unknown;
  };
}

describe('validateManifest', () => {
  it('accepts the sample manifest and fills in defaults', () => {
    const result = validateManifest(sampleManifest);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest.policy.assessorRoles).toEqual(['tutor']);
  });

  it('reports schema errors in French with a path', () => {
    const errors = broken((m) => {
      m.version = 'un';
      m.nodes[1]!.id = 'C 1';
    });
    expect(errors).toContainEqual({ path: 'version', message: 'version semver attendue, par exemple 1.0.0' });
    expect(errors.map((e) => e.path)).toContain('nodes[1].id');
    expect(validateManifest(42)).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringMatching(/invalide/i) }] });
  });

  it('reports a missing parent', () => {
    const errors = broken((m) => (m.nodes[3]!.parent = 'cp9'));
    expect(errors).toContainEqual({ path: 'nodes[3].parent', message: "le parent « cp9 » n’existe pas" });
  });

  it('reports duplicate ids', () => {
    const errors = broken((m) => {
      m.nodes.push({ ...m.nodes[0]! });
      m.templates[0]!.sections.push({ ...m.templates[0]!.sections[0]! });
      m.rules.push({ ...m.rules[0]! });
    });
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['nodes[7].id', 'templates[0].sections[2].id', 'rules[10].id']));
  });

  it('reports cycles in the tree once', () => {
    const errors = broken((m) => (m.nodes[0]!.parent = 'c1-1'));
    const cycles = errors.filter((e) => e.message.includes('propre ancêtre'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.path).toBe('nodes[0].parent');
  });

  it('requires an existing scale on assessable nodes', () => {
    expect(broken((m) => delete m.nodes[1]!.scale)).toContainEqual({
      path: 'nodes[1].scale',
      message: 'le nœud évaluable « c1 » doit indiquer son échelle',
    });
    expect(broken((m) => (m.nodes[1]!.scale = 'notes'))[0]!.path).toBe('nodes[1].scale');
  });

  it('checks modality, template and section references', () => {
    const errors = broken((m) => {
      m.modalities[0]!.evaluates = ['c1', 'c7'];
      m.modalities[0]!.templates = ['oral'];
      m.templates[0]!.sections[0]!.nodes = ['zz'];
    });
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['modalities[0].evaluates[1]', 'modalities[0].templates[0]', 'templates[0].sections[0].nodes[0]']),
    );
  });

  it('checks rule references: template, section, node, level and table column', () => {
    const errors = broken((m) => {
      m.rules[0]!.template = 'inconnu';
      m.rules[1]!.nodes = ['zz'];
      m.rules[2]!.level = 'parfait';
      m.rules[3]!.column = 'etape';
      m.rules[6]!.section = 'actions';
      m.rules[8]!.explanationSection = 'nulle-part';
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath['rules[0].template']).toBe("le modèle « inconnu » n’existe pas");
    expect(byPath['rules[1].nodes[0]']).toBe("le nœud « zz » n’existe pas");
    expect(byPath['rules[2].level']).toMatch(/« parfait »/);
    expect(byPath['rules[3].column']).toBe("la colonne « etape » n’existe pas dans le tableau de la section « actions »");
    expect(byPath['rules[6].column']).toMatch(/« cible »/);
    expect(byPath['rules[8].explanationSection']).toMatch(/« nulle-part »/);
  });

  it('reports a table check on a section without a table', () => {
    const errors = broken((m) => {
      m.rules[7]!.section = 'ecart';
    });
    expect(errors).toContainEqual({ path: 'rules[7].section', message: "la section « ecart » n’a pas de tableau" });
  });
});
