import { z } from 'zod';
import { manifestSchema, type ReferentialManifest, type TemplateSection } from './manifestSchema.js';

/** One problem in a manifest, located by a path such as `nodes[3].parent`. */
export interface ManifestError {
  path: string;
  message: string;
}

export type ManifestValidation =
  | { ok: true; manifest: ReferentialManifest }
  | { ok: false; errors: ManifestError[] };

const frenchErrors = z.locales.fr().localeError;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Parses a manifest, then checks what the schema alone cannot: unique ids and that every
 * reference (parent, scale, modality, template, section, node, level, column) exists. Never
 * throws: a faulty plugin is reported, not fatal.
 */
export function validateManifest(input: unknown): ManifestValidation {
  const parsed = manifestSchema.safeParse(input, { error: frenchErrors });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const errors = crossReferenceErrors(parsed.data);
  return errors.length === 0 ? { ok: true, manifest: parsed.data } : { ok: false, errors };
}

function crossReferenceErrors(manifest: ReferentialManifest): ManifestError[] {
  const errors: ManifestError[] = [];
  const report = (path: string, message: string) => errors.push({ path, message });

  const uniqueIds = <T extends { id: string }>(items: readonly T[], path: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) report(`${path}[${index}].id`, `${what} « ${item.id} » est déclaré deux fois`);
      seen.add(item.id);
    });
  };
  uniqueIds(manifest.nodes, 'nodes', 'le nœud');
  uniqueIds(manifest.scales, 'scales', "l’échelle");
  uniqueIds(manifest.modalities, 'modalities', 'la modalité');
  uniqueIds(manifest.templates, 'templates', 'le modèle');
  uniqueIds(manifest.rules, 'rules', 'la règle');
  manifest.scales.forEach((scale, i) => uniqueIds(scale.levels, `scales[${i}].levels`, 'le niveau'));
  manifest.templates.forEach((template, i) => {
    uniqueIds(template.sections, `templates[${i}].sections`, 'la section');
    template.sections.forEach((section, j) => {
      if (section.table) uniqueIds(section.table.columns, `templates[${i}].sections[${j}].table.columns`, 'la colonne');
    });
  });

  const nodes = new Map(manifest.nodes.map((node) => [node.id, node]));
  const scales = new Map(manifest.scales.map((scale) => [scale.id, scale]));
  const modalities = new Set(manifest.modalities.map((modality) => modality.id));
  const templates = new Map(manifest.templates.map((template) => [template.id, template]));

  const nodeRef = (path: string, id: string) => {
    if (!nodes.has(id)) report(path, `le nœud « ${id} » n’existe pas`);
  };
  const templateRef = (path: string, id: string) => {
    if (!templates.has(id)) report(path, `le modèle « ${id} » n’existe pas`);
    return templates.get(id);
  };

  manifest.nodes.forEach((node, i) => {
    if (node.parent !== undefined && !nodes.has(node.parent)) {
      report(`nodes[${i}].parent`, `le parent « ${node.parent} » n’existe pas`);
    }
    if (node.scale !== undefined && !scales.has(node.scale)) {
      report(`nodes[${i}].scale`, `l’échelle « ${node.scale} » n’existe pas`);
    } else if (node.assessable && node.scale === undefined) {
      report(`nodes[${i}].scale`, `le nœud évaluable « ${node.id} » doit indiquer son échelle`);
    }
    node.modalities?.forEach((modality, j) => {
      if (!modalities.has(modality)) report(`nodes[${i}].modalities[${j}]`, `la modalité « ${modality} » n’existe pas`);
    });
  });
  reportCycles(manifest, report);

  manifest.modalities.forEach((modality, i) => {
    modality.evaluates.forEach((id, j) => nodeRef(`modalities[${i}].evaluates[${j}]`, id));
    modality.templates?.forEach((id, j) => templateRef(`modalities[${i}].templates[${j}]`, id));
  });

  manifest.templates.forEach((template, i) => {
    if (template.modality !== undefined && !modalities.has(template.modality)) {
      report(`templates[${i}].modality`, `la modalité « ${template.modality} » n’existe pas`);
    }
    template.sections.forEach((section, j) => {
      section.nodes?.forEach((id, k) => nodeRef(`templates[${i}].sections[${j}].nodes[${k}]`, id));
      const columns = new Set(section.table?.columns.map((column) => column.id));
      section.table?.rows?.forEach((row, k) => {
        for (const key of Object.keys(row)) {
          if (!columns.has(key)) {
            report(`templates[${i}].sections[${j}].table.rows[${k}].${key}`, `la colonne « ${key} » n’existe pas dans ce tableau`);
          }
        }
      });
    });
  });

  const sectionRef = (path: string, templateId: string, sectionId: string): TemplateSection | undefined => {
    const template = templates.get(templateId);
    if (!template) return undefined;
    const section = template.sections.find((s) => s.id === sectionId);
    if (!section) report(path, `la section « ${sectionId} » n’existe pas dans le modèle « ${templateId} »`);
    return section;
  };
  const tableColumnRef = (path: string, section: TemplateSection | undefined, column: string | undefined) => {
    if (!section || column === undefined) return;
    if (!section.table) {
      report(path, `la section « ${section.id} » n’a pas de tableau`);
    } else if (!section.table.columns.some((c) => c.id === column)) {
      report(path, `la colonne « ${column} » n’existe pas dans le tableau de la section « ${section.id} »`);
    }
  };

  manifest.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    switch (rule.type) {
      case 'section_filled':
        templateRef(`${at}.template`, rule.template);
        if (rule.section !== undefined) sectionRef(`${at}.section`, rule.template, rule.section);
        break;
      case 'evidence_min':
        rule.nodes?.forEach((id, j) => nodeRef(`${at}.nodes[${j}]`, id));
        break;
      case 'table_check': {
        if (!templateRef(`${at}.template`, rule.template)) break;
        const section = sectionRef(`${at}.section`, rule.template, rule.section);
        if (section && !section.table) report(`${at}.section`, `la section « ${section.id} » n’a pas de tableau`);
        if ((rule.check === 'column_filled' || rule.check === 'column_valid' || rule.check === 'phases_covered') && rule.column === undefined) {
          report(`${at}.column`, `la vérification « ${rule.check} » demande une colonne`);
        }
        if (section?.table) tableColumnRef(`${at}.column`, section, rule.column);
        if (rule.check === 'phases_covered' && !rule.values?.length && rule.column !== undefined) {
          const column = section?.table?.columns.find((c) => c.id === rule.column);
          if (column && !column.enum?.length) report(`${at}.values`, 'la vérification « phases_covered » demande les valeurs attendues');
        }
        if (rule.explanationSection !== undefined) sectionRef(`${at}.explanationSection`, rule.template, rule.explanationSection);
        if (section?.table && rule.where) tableColumnRef(`${at}.where.column`, section, rule.where.column);
        break;
      }
      case 'all_children': {
        const node = nodes.get(rule.node);
        if (!node) {
          nodeRef(`${at}.node`, rule.node);
          break;
        }
        const scaleIds = new Set<string>();
        for (const candidate of [node, ...descendants(manifest, node.id)]) {
          if (candidate.assessable && candidate.scale) scaleIds.add(candidate.scale);
        }
        const known = [...scaleIds].some((id) => scales.get(id)?.levels.some((level) => level.id === rule.level));
        if (!known) report(`${at}.level`, `le niveau « ${rule.level} » n’existe pas dans l’échelle des nœuds évalués`);
        break;
      }
      case 'measure_set': {
        const template = templateRef(`${at}.template`, rule.template);
        if (!template) break;
        const sections = rule.section !== undefined
          ? [sectionRef(`${at}.section`, rule.template, rule.section)]
          : template.sections.filter((s) => s.table?.kind === 'indicators');
        if (rule.section === undefined && sections.length === 0) {
          report(`${at}.template`, `le modèle « ${rule.template} » n’a aucun tableau d’indicateurs`);
        }
        for (const section of sections) tableColumnRef(`${at}.column`, section, rule.column);
        break;
      }
      case 'custom':
        break;
    }
  });

  return errors;
}

function descendants(manifest: ReferentialManifest, id: string): ReferentialManifest['nodes'] {
  const out: ReferentialManifest['nodes'] = [];
  const visited = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const node of manifest.nodes) {
      if (node.parent === current && !visited.has(node.id)) {
        visited.add(node.id);
        out.push(node);
        queue.push(node.id);
      }
    }
  }
  return out;
}

function reportCycles(manifest: ReferentialManifest, report: (path: string, message: string) => void) {
  const parentOf = new Map(manifest.nodes.map((node) => [node.id, node.parent]));
  const reported = new Set<string>();
  manifest.nodes.forEach((node, i) => {
    const seen = new Set<string>([node.id]);
    let current = node.parent;
    while (current !== undefined && parentOf.has(current)) {
      if (seen.has(current)) {
        if (current === node.id && !reported.has(node.id)) {
          // Report each cycle once, on its first member in manifest order.
          const cycle = [...seen];
          cycle.forEach((id) => reported.add(id));
          report(`nodes[${i}].parent`, `le nœud « ${node.id} » est son propre ancêtre (${cycle.join(' → ')} → ${node.id})`);
        }
        break;
      }
      seen.add(current);
      current = parentOf.get(current);
    }
  });
}
