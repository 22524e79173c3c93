import type * as Y from 'yjs';
import type { Assessment } from './Assessment.js';

/**
 * Assessments in the review doc: per node, the current level and feedback, plus every change
 * (who, when, from which level to which), shown as a history. Written by the server only.
 */
export const REVIEW_ASSESSMENTS_MAP = 'assessments';

export interface AssessmentChange {
  from: string | null;
  to: string;
  feedback?: string;
  by: string;
  byName: string;
  /** ISO 8601. */
  at: string;
}

export interface StoredAssessment extends Assessment {
  byName: string;
  /** Oldest first; the last entry is the current state. */
  history: AssessmentChange[];
}

export function assessmentsMap(reviewDoc: Y.Doc): Y.Map<StoredAssessment> {
  return reviewDoc.getMap<StoredAssessment>(REVIEW_ASSESSMENTS_MAP);
}

export function readAssessments(reviewDoc: Y.Doc): StoredAssessment[] {
  return [...assessmentsMap(reviewDoc).values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

/** Server side: records a new level for a node, appending the change to its history. */
export function recordAssessment(
  reviewDoc: Y.Doc,
  change: { nodeId: string; level: string; feedback?: string; by: string; byName: string; at: string },
): StoredAssessment {
  const map = assessmentsMap(reviewDoc);
  const previous = map.get(change.nodeId);
  const entry: AssessmentChange = {
    from: previous?.level ?? null,
    to: change.level,
    by: change.by,
    byName: change.byName,
    at: change.at,
    ...(change.feedback !== undefined && { feedback: change.feedback }),
  };
  const next: StoredAssessment = {
    nodeId: change.nodeId,
    level: change.level,
    by: change.by,
    byName: change.byName,
    at: change.at,
    ...(change.feedback !== undefined && { feedback: change.feedback }),
    history: [...(previous?.history ?? []), entry],
  };
  map.set(change.nodeId, next);
  return next;
}
