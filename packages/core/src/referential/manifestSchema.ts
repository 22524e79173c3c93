import { z } from 'zod';

/**
 * The referential manifest: declarative, JSON-serialisable data that a plugin contributes.
 * Code plugins build it with `defineReferential()`; JSON plugins are dropped in PLUGINS_DIR.
 * Cross-references (parents, scales, nodes, templates) are checked in `validateManifest`.
 */

/** Stable identifiers: lowercase, never reused once published. */
export const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'identifiant invalide : minuscules, chiffres, « . », « _ » ou « - », 64 caractères au plus');

const text = z.string().trim().min(1);

export const scaleLevelSchema = z.object({
  id: stableId,
  label: text,
  description: z.string().optional(),
  /** A level at or above which the criterion counts as mastered. */
  proficient: z.boolean().default(false),
});

export const scaleSchema = z.object({
  id: stableId,
  label: text,
  /** Ordered from the lowest to the highest level. */
  levels: z.array(scaleLevelSchema).min(2),
});

export const nodeTypes = [
  'block',
  'activity',
  'competency',
  'criterion',
  'fiche',
  'objective',
  'indicator',
  'situation',
  'requirement',
] as const;
export const nodeTypeSchema = z.enum(nodeTypes);

export const measureSchema = z.object({
  unit: z.string().optional(),
  /** When the indicator is measured, e.g. « 3 mois après l'action ». */
  timing: z.string().optional(),
  /** A target the referential itself sets; templates ask users for theirs otherwise. */
  target: z.string().optional(),
});

export const referentialNodeSchema = z.object({
  id: stableId,
  /** Human code shown to users: CP2, C1, Fiche 3B… */
  code: z.string().trim().max(32).optional(),
  type: nodeTypeSchema,
  label: text,
  description: z.string().optional(),
  parent: stableId.optional(),
  order: z.number().int().nonnegative(),
  assessable: z.boolean().default(false),
  /** A key competency: the decision rule may require every key node to be mastered. */
  key: z.boolean().default(false),
  scale: stableId.optional(),
  modalities: z.array(stableId).optional(),
  measure: measureSchema.optional(),
});

export const modalityKinds = [
  'written_dossier',
  'annex',
  'oral',
  'dissertation',
  'mind_map',
  'commission',
  'interview',
] as const;

export const modalitySchema = z.object({
  id: stableId,
  kind: z.enum(modalityKinds),
  label: text,
  description: z.string().optional(),
  constraints: z
    .object({
      pages: z.number().int().positive().optional(),
      minutes: z.number().int().positive().optional(),
      words: z.number().int().positive().optional(),
    })
    .optional(),
  evaluates: z.array(stableId).default([]),
  templates: z.array(stableId).optional(),
});

export const columnTypes = ['text', 'eur', 'number', 'date', 'enum', 'percent'] as const;

export const tableColumnSchema = z.object({
  id: stableId,
  label: text,
  type: z.enum(columnTypes),
  enum: z.array(text).optional(),
  required: z.boolean().default(false),
});

export const tableKinds = ['budget', 'action_plan', 'stakeholders', 'indicators', 'custom'] as const;

export const templateTableSchema = z.object({
  kind: z.enum(tableKinds).default('custom'),
  columns: z.array(tableColumnSchema).min(1),
  /** Rows the table starts with, as column id → text. */
  rows: z.array(z.record(z.string(), z.string())).optional(),
});

export const templateSectionSchema = z.object({
  id: stableId,
  heading: text,
  /** 2 for a section, 3 for a sub-section. */
  level: z.union([z.literal(2), z.literal(3)]).default(2),
  /** Writing prompt shown to the author (not part of the document text). */
  prompt: z.string().optional(),
  /** Criteria (or other nodes) this section should evidence. */
  nodes: z.array(stableId).optional(),
  table: templateTableSchema.optional(),
});

export const templateSchema = z.object({
  id: stableId,
  title: text,
  description: z.string().optional(),
  modality: stableId.optional(),
  sections: z.array(templateSectionSchema).min(1),
});

export const severitySchema = z.enum(['error', 'warning', 'info']);

const ruleBase = {
  id: stableId,
  severity: severitySchema.default('error'),
  /** Overrides the engine's default French explanation. */
  message: z.string().optional(),
};

export const tableChecks = [
  'min_rows',
  'column_filled',
  /** Every row fills `column` with a value its type accepts (an option, a date, an amount). */
  'column_valid',
  'balanced',
  'has_charges_and_produits',
  'phases_covered',
] as const;

/** Restricts a table check to the rows whose `column` holds one of `values` (case and accents ignored). */
export const rowFilterSchema = z.object({
  column: stableId,
  values: z.array(text).min(1),
});

export const ruleSchema = z.discriminatedUnion('type', [
  z.object({
    ...ruleBase,
    type: z.literal('section_filled'),
    template: stableId,
    /** Omit to apply to every section of the template. */
    section: stableId.optional(),
    minWords: z.number().int().nonnegative(),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('evidence_min'),
    /** Omit both to apply to every assessable node. */
    nodes: z.array(stableId).optional(),
    nodeType: nodeTypeSchema.optional(),
    count: z.number().int().positive(),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('table_check'),
    template: stableId,
    section: stableId,
    check: z.enum(tableChecks),
    column: stableId.optional(),
    min: z.number().int().nonnegative().optional(),
    /** For phases_covered: the values of `column` that must each appear. */
    values: z.array(text).optional(),
    /** For balanced: a section whose text may explain the gap instead. */
    explanationSection: stableId.optional(),
    /** For min_rows, column_filled and column_valid: only these rows (e.g. the produits of a budget). */
    where: rowFilterSchema.optional(),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('all_children'),
    node: stableId,
    /** Every assessable descendant must reach at least this scale level. */
    level: stableId,
  }),
  z.object({
    ...ruleBase,
    type: z.literal('measure_set'),
    /** Each indicator row of these sections needs a target. */
    template: stableId,
    section: stableId.optional(),
    column: stableId.default('cible'),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('custom'),
    /** Name of a rule function that a code plugin registers. */
    fn: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const decisionRuleSchema = z.discriminatedUnion('type', [
  /** ANPE: validated only if every key competency is mastered. */
  z.object({ type: z.literal('all_key_mastered'), description: z.string().optional() }),
  /** Every assessable node must be at a proficient level. */
  z.object({ type: z.literal('all_assessable_proficient'), description: z.string().optional() }),
  /** The referential makes no automatic decision (e.g. a call for projects). */
  z.object({ type: z.literal('none'), description: z.string().optional() }),
]);

export const policySchema = z.object({
  assessorRoles: z.array(z.enum(['owner', 'tutor'])).min(1).default(['tutor']),
  selfAssess: z.boolean().default(false),
  signOff: z.enum(['tutor', 'jury', 'commission', 'committee']),
  decision: decisionRuleSchema,
});

export const referentialKinds = ['certification', 'call_for_projects', 'internal_validation', 'method'] as const;

export const manifestSchema = z.object({
  id: stableId,
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'version semver attendue, par exemple 1.0.0'),
  /** Range of core plugin API versions this manifest works with, e.g. ^1.0.0. */
  coreApi: z.string().min(1),
  title: text,
  shortTitle: z.string().max(40).optional(),
  kind: z.enum(referentialKinds),
  lang: z.literal('fr').default('fr'),
  description: z.string().optional(),
  source: z.object({
    document: text,
    issuer: z.string().optional(),
    rncp: z.string().optional(),
    url: z.string().optional(),
  }),
  scales: z.array(scaleSchema).default([]),
  nodes: z.array(referentialNodeSchema).min(1),
  modalities: z.array(modalitySchema).default([]),
  templates: z.array(templateSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  policy: policySchema,
});

/** A manifest as an author writes it (defaults may be omitted). */
export type ReferentialManifestInput = z.input<typeof manifestSchema>;
/** A validated manifest, defaults filled in. */
export type ReferentialManifest = z.output<typeof manifestSchema>;
export type ReferentialNode = z.output<typeof referentialNodeSchema>;
export type NodeType = (typeof nodeTypes)[number];
export type Scale = z.output<typeof scaleSchema>;
export type Modality = z.output<typeof modalitySchema>;
export type Template = z.output<typeof templateSchema>;
export type TemplateSection = z.output<typeof templateSectionSchema>;
export type TemplateTable = z.output<typeof templateTableSchema>;
export type TableColumn = z.output<typeof tableColumnSchema>;
export type CompletenessRule = z.output<typeof ruleSchema>;
export type DecisionRule = z.output<typeof decisionRuleSchema>;
export type Policy = z.output<typeof policySchema>;
