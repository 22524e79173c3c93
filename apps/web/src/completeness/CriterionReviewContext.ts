import type { StoredAssessment } from '@canevas/core';
import { createContext, useContext } from 'react';

/** What each criterion of the completeness panel offers for review, given the reader's role. */
export interface CriterionReview {
  documentId: string;
  assessmentOf: (nodeId: string) => StoredAssessment | undefined;
  /** Tutors set levels; everyone else reads them. */
  canAssess: boolean;
  canComment: boolean;
  /** Opens « Commenter le critère ». */
  commentOnCriterion: (nodeId: string) => void;
  /** Threads about this criterion, open or resolved. */
  threadCountOf: (nodeId: string) => number;
  /** Filters the comments panel on this criterion and takes the focus there. */
  showThreadsOf: (nodeId: string) => void;
  announce: (message: string) => void;
}

export const CriterionReviewContext = createContext<CriterionReview | null>(null);

/** Null outside a document page (the panel then shows no review controls). */
export function useCriterionReview(): CriterionReview | null {
  return useContext(CriterionReviewContext);
}
