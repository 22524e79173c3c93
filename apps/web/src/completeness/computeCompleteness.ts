import {
  type Assessment,
  completenessTree,
  evaluateCompleteness,
  yDocToProseMirrorJSON,
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
  const report = evaluateCompleteness({
    manifest,
    ...(templateId !== null ? { templateId } : {}),
    content: yDocToProseMirrorJSON(contentDoc),
    evidence,
    assessments,
    ruleFunctions,
  });
  const tree = completenessTree(manifest, report);
  return { report, tree, durationMs: performance.now() - started };
}
