import type { Assessment, EvidenceLink, ReferentialManifest, RuleFunction } from '@canevas/core';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { trailingThrottle } from '../scheduling/trailingThrottle.js';
import { computeCompleteness, type CompletenessInputs, type CompletenessResult } from './computeCompleteness.js';

/** Typing recomputes at most this often; new links, assessments and a loaded manifest recompute at once. */
export const TYPING_RECOMPUTE_WAIT_MS = 300;

export const COMPLETENESS_MEASURE = 'canevas:completeness';

/**
 * What the panel shows of a report. Word counts change with every keystroke but are not shown:
 * keeping the previous result when this is unchanged spares React a render of the whole tree.
 */
function shownPart(result: CompletenessResult): string {
  const { score, checks, criteria, missing, decision } = result.report;
  return JSON.stringify([score, checks, criteria, missing, decision]);
}

function measuredCompute(inputs: CompletenessInputs): CompletenessResult {
  const result = computeCompleteness(inputs);
  // Visible in the browser's performance panel, and readable by tests and benchmarks.
  performance.measure(COMPLETENESS_MEASURE, { start: performance.now() - result.durationMs, duration: result.durationMs });
  return result;
}

interface UseCompletenessOptions {
  contentDoc: Y.Doc;
  manifest: ReferentialManifest;
  templateId: string | null;
  evidence: readonly EvidenceLink[];
  assessments: readonly Assessment[];
  ruleFunctions: Readonly<Record<string, RuleFunction>>;
}

/** The live completeness report of the open document: recomputed as anyone types, links or assesses. */
export function useCompleteness(options: UseCompletenessOptions): CompletenessResult {
  const { contentDoc, manifest, templateId, evidence, assessments, ruleFunctions } = options;
  const [computed, setComputed] = useState(() => ({ inputs: options, result: measuredCompute(options) }));
  const { inputs } = computed;
  const inputsChanged =
    inputs.contentDoc !== contentDoc ||
    inputs.manifest !== manifest ||
    inputs.templateId !== templateId ||
    inputs.evidence !== evidence ||
    inputs.assessments !== assessments ||
    inputs.ruleFunctions !== ruleFunctions;
  if (inputsChanged) {
    // Adjusting state while rendering (React's pattern for derived state): no stale frame.
    setComputed({ inputs: options, result: measuredCompute(options) });
  }

  useEffect(() => {
    const current = { contentDoc, manifest, templateId, evidence, assessments, ruleFunctions };
    const throttle = trailingThrottle(() => {
      const result = measuredCompute(current);
      setComputed((previous) => (shownPart(previous.result) === shownPart(result) ? previous : { inputs: current, result }));
    }, TYPING_RECOMPUTE_WAIT_MS);
    const onUpdate = () => throttle.schedule();
    contentDoc.on('update', onUpdate);
    return () => {
      contentDoc.off('update', onUpdate);
      throttle.cancel();
    };
  }, [contentDoc, manifest, templateId, evidence, assessments, ruleFunctions]);

  return computed.result;
}
