import type { CompletenessRule, NodeType } from '../referential/manifestSchema.js';

/** Where a criterion stands, shown in the completeness panel. */
export type CriterionStatus = 'absent' | 'partiel' | 'couvert' | 'évalué';

export interface CriterionAssessment {
  level: string;
  /** The level's label in the node's scale (the id when the level is unknown). */
  label: string;
  proficient: boolean;
  /** The label of the lowest proficient level of the scale: what « atteint » means here. */
  requiredLabel?: string;
  by: string;
  at: string;
}

export interface CriterionReport {
  nodeId: string;
  code?: string;
  label: string;
  type: NodeType;
  status: CriterionStatus;
  /** Attached evidence on the node itself and its descendants (détaché links do not count). */
  evidenceCount: number;
  /** What the evidence_min rules ask for this node (1 when no rule sets it). */
  requiredEvidence: number;
  assessment?: CriterionAssessment;
  /** Set when the evidence count is met yet the node is « partiel »: what else is lacking. */
  gaps?: { sections: string[]; uncoveredChildren: number };
}

export type Severity = CompletenessRule['severity'];

/** Something still missing, explained in French. */
export interface MissingItem {
  ruleId: string;
  severity: Severity;
  nodeIds: string[];
  sectionIds: string[];
  message: string;
}

export type DecisionOutcome = 'validated' | 'not_validated' | 'pending' | 'none';

export interface Decision {
  rule: 'all_key_mastered' | 'all_assessable_proficient' | 'none';
  outcome: DecisionOutcome;
  /** « Validé », « Non validé », « En cours d’évaluation (1 critère évalué sur 15) », « En attente d'évaluation », « Pas de décision automatique ». */
  label: string;
  /** Why it is not (yet) validated: each node assessed below the required level, then one line for those left to assess. */
  reasons: string[];
  /** How many of the nodes the rule decides on are assessed (absent for `none` or a rule without nodes). */
  progress?: { assessed: number; total: number };
}

export interface SectionSummary {
  id: string;
  heading: string;
  present: boolean;
  words: number;
}

export interface CompletenessReport {
  referentialId: string;
  templateId?: string;
  /** 0–100: the share of satisfied checks. */
  score: number;
  checks: { total: number; satisfied: number };
  /** Every criterion and assessable node, in manifest order. */
  criteria: CriterionReport[];
  missing: MissingItem[];
  decision: Decision;
  /** The template's sections as found in the document. */
  sections: SectionSummary[];
  totalWords: number;
}
