import type { StoredAssessment } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { EvidenceSnapshot } from '../evidence/LiveEvidence.js';
import { useEvidenceActions } from '../evidence/useEvidenceActions.js';
import { shortQuote } from '../ui/shortQuote.js';
import type { ManifestState } from '../referentials/referentialManifests.js';
import { usePluginRuleFunctions } from '../referentials/usePluginRuleFunctions.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { CompletenessPanel } from './CompletenessPanel.js';
import { CriterionReviewContext, type CriterionReview } from './CriterionReviewContext.js';
import './completeness.css';

interface DocumentReviewPanelProps {
  session: CollaborationSession;
  editor: Editor | null;
  documentId: string;
  referentialId: string;
  templateId: string | null;
  manifest: ManifestState;
  evidence: EvidenceSnapshot | null;
  codeOf: (nodeId: string) => string;
  announce: (message: string) => void;
  /** The live assessments (empty until the review doc arrives). */
  assessments: readonly StoredAssessment[];
  /** Assessing and commenting from each criterion. */
  criterionReview: CriterionReview;
  /** Owners and editors change evidence links. */
  canChangeEvidence: boolean;
}

/**
 * The completeness panel once its referential and plugin rules are loaded, with the evidence
 * actions, the live assessments and each criterion's review controls.
 */
export function DocumentReviewPanel(props: DocumentReviewPanelProps) {
  const { session, editor, documentId, referentialId, templateId, manifest, evidence, codeOf, announce, assessments, criterionReview, canChangeEvidence } = props;
  const ruleFunctions = usePluginRuleFunctions(referentialId);
  const review = useEvidenceActions({ session, editor, documentId, codeOf, announce, canChange: canChangeEvidence });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removals, setRemovals] = useState(0);

  useEffect(() => {
    // The removed link's « Retirer » button goes away with it: the panel's heading takes the focus.
    if (removals > 0) headingRef.current?.focus();
  }, [removals]);

  if (manifest.status !== 'ready' || ruleFunctions === null || evidence === null) {
    return (
      <aside className="completeness" aria-labelledby="completeness-placeholder">
        <h2 id="completeness-placeholder" className="completeness__title">
          Complétude
        </h2>
        {manifest.status === 'error' ? (
          <div role="alert" className="notice notice--error">
            <p>Le référentiel n’a pas pu être chargé : {manifest.message}</p>
            <button type="button" className="button" onClick={manifest.retry}>
              Recharger le référentiel
            </button>
          </div>
        ) : evidence === null && manifest.status === 'ready' ? (
          <p className="muted">Ce serveur ne partage pas les preuves : la complétude n’est pas disponible.</p>
        ) : (
          <p role="status" className="muted">
            Chargement du référentiel…
          </p>
        )}
      </aside>
    );
  }

  return (
    <CriterionReviewContext.Provider value={criterionReview}>
      <CompletenessPanel
        contentDoc={session.doc}
        manifest={manifest.manifest}
        templateId={templateId}
        evidence={evidence}
        assessments={assessments}
        ruleFunctions={ruleFunctions}
        actions={review.actions}
        codeOf={codeOf}
        headingRef={headingRef}
      >
        {review.error && (
          <div role="alert" className="notice notice--error">
            <p>{review.error}</p>
            <button type="button" className="button" onClick={review.dismissError}>
              Fermer
            </button>
          </div>
        )}
      </CompletenessPanel>
      {review.pendingRemoval && (
        <ConfirmDialog
          title="Retirer ce lien ?"
          message={`Le passage « ${shortQuote(
            review.pendingRemoval.status === 'attached' ? review.pendingRemoval.resolution.text : review.pendingRemoval.anchor.quote.exact,
          )} » ne sera plus une preuve pour ${codeOf(review.pendingRemoval.nodeId)}, pour tout le monde. Le texte du document ne change pas.`}
          confirmLabel="Retirer"
          busyLabel="Retrait…"
          onConfirm={() => {
            review.confirmRemoval();
            setRemovals((count) => count + 1);
          }}
          onCancel={review.cancelRemoval}
        />
      )}
    </CriterionReviewContext.Provider>
  );
}
