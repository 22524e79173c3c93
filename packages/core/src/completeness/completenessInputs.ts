import * as Y from 'yjs';
import type { ReferentialManifest } from '../referential/manifestSchema.js';
import type { Assessment } from '../review/Assessment.js';
import type { EvidenceLink } from '../review/EvidenceLink.js';
import { readAssessments, type StoredAssessment } from '../review/reviewAssessments.js';
import { readEvidenceLinks, resolveEvidenceLinks, type ResolvedEvidenceLink } from '../review/reviewDocument.js';
import type { ProseMirrorJSON } from '../schema/documentContent.js';
import { yDocToProseMirrorJSON } from '../schema/readDocumentBody.js';
import type { CompletenessInput } from './evaluateCompleteness.js';
import type { RuleFunction } from './RuleFunction.js';

/** What the review room holds that completeness depends on: both, always together. */
export interface ReviewState {
  /** Links with their live status; « détaché » ones are kept (and not counted). */
  evidence: readonly EvidenceLink[];
  /** The tutor's assessments: criterion statuses and the decision follow them. */
  assessments: readonly Assessment[];
}

/**
 * Reads a document's review room as completeness needs it: the links resolved against the
 * content, and the assessments. No review room (a server without one): neither.
 */
export function readReviewState(contentDoc: Y.Doc, reviewDoc: Y.Doc | null | undefined): { evidence: ResolvedEvidenceLink[]; assessments: StoredAssessment[] } {
  if (!reviewDoc) return { evidence: [], assessments: [] };
  return { evidence: resolveEvidenceLinks(contentDoc, readEvidenceLinks(reviewDoc)), assessments: readAssessments(reviewDoc) };
}

/** A referential as completeness uses it: its manifest and the code plugin's rule functions. */
export interface CompletenessReferential {
  manifest: ReferentialManifest;
  ruleFunctions: ReadonlyMap<string, RuleFunction> | Readonly<Record<string, RuleFunction>>;
}

export interface CompletenessSources {
  referential: CompletenessReferential;
  templateId: string | null;
  /** The content room, or its body already read (and, on the server, made plain). */
  content: Y.Doc | ProseMirrorJSON;
  review: ReviewState;
  now?: Date;
}

/**
 * The one way to build `evaluateCompleteness`'s input, for the live panel, the server and the
 * exports alike: each caller hands over the same sources, so none can leave one out.
 */
export function completenessInputs({ referential, templateId, content, review, now }: CompletenessSources): CompletenessInput {
  return {
    manifest: referential.manifest,
    ...(templateId !== null ? { templateId } : {}),
    content: content instanceof Y.Doc ? yDocToProseMirrorJSON(content) : content,
    evidence: review.evidence,
    assessments: review.assessments,
    ruleFunctions: referential.ruleFunctions,
    ...(now === undefined ? {} : { now }),
  };
}
