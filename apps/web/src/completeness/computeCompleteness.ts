import {
  type Assessment,
  completenessInputs,
  completenessTree,
  evaluateCompleteness,
  type CompletenessReport,
  type CompletenessTreeNode,
  type EvidenceLink,
  type ReferentialManifest,
  type RuleFunction,
} from '@canevas/core';
import type * as Y from 'yjs';

export interface CompletenessInputs {
  manifest: ReferentialManifest;
  templateId: string | null;
  contentDoc: Y.Doc;
  evidence: readonly EvidenceLink[];
  /** The tutor's live assessments (the review doc's); they set statuses and the decision. */
  assessments: readonly Assessment[];
  ruleFunctions: Readonly<Record<string, RuleFunction>>;
}

export interface CompletenessResult {
  report: CompletenessReport;
  tree: CompletenessTreeNode[];
  /** Content read, evaluated and arranged, in milliseconds (the panel's render not included). */
  durationMs: number;
}

/** The completeness of the live document, everything computed in the browser. */
export function computeCompleteness({ manifest, templateId, contentDoc, evidence, assessments, ruleFunctions }: CompletenessInputs): CompletenessResult {
  const started = performance.now();
  // The same builder as the server's exports: both read the same sources the same way.
  const report = evaluateCompleteness(
    completenessInputs({ referential: { manifest, ruleFunctions }, templateId, content: contentDoc, review: { evidence, assessments } }),
  );
  const tree = completenessTree(manifest, report);
  return { report, tree, durationMs: performance.now() - started };
}
