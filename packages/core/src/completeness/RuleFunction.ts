import type { CompletenessRule, ReferentialManifest, Template } from '../referential/manifestSchema.js';
import type { Assessment } from '../review/Assessment.js';
import type { EvidenceLink } from '../review/EvidenceLink.js';
import type { DocumentOutline } from './documentOutline.js';

export type CustomRule = Extract<CompletenessRule, { type: 'custom' }>;

/** What a code plugin's rule function sees: everything the engine knows, read-only. */
export interface RuleContext {
  manifest: ReferentialManifest;
  rule: CustomRule;
  params: Record<string, unknown>;
  template?: Template;
  outline: DocumentOutline;
  evidence: readonly EvidenceLink[];
  assessments: readonly Assessment[];
  now: Date;
}

/** One check of a custom rule; `message` (French) explains a failure. */
export interface RuleOutcome {
  ok: boolean;
  message?: string;
  nodeIds?: string[];
  sectionIds?: string[];
}

/** A custom rule, registered by name by a code plugin and referenced by `custom` rules. */
export type RuleFunction = (context: RuleContext) => RuleOutcome | RuleOutcome[];
