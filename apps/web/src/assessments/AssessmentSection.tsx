import {
  assessmentVerdict,
  isProficient,
  levelLabel,
  requiredLevel,
  scaleOf,
  type ReferentialManifest,
  type ReferentialNode,
  type StoredAssessment,
} from '@canevas/core';
import { useId, useState } from 'react';
import { formatDate } from '../documents/formatDate.js';
import { AssessmentForm } from './AssessmentForm.js';
import { describeChange, newestFirst } from './assessmentScale.js';
import './assessments.css';

interface AssessmentSectionProps {
  manifest: ReferentialManifest;
  node: ReferentialNode;
  assessment: StoredAssessment | undefined;
  canAssess: boolean;
  documentId: string;
  announce: (message: string) => void;
}

/**
 * An assessable node's assessment: its level (in words, and whether it reaches the required
 * level), the feedback, the whole history behind « Historique », and for tutors the form.
 */
export function AssessmentSection({ manifest, node, assessment, canAssess, documentId, announce }: AssessmentSectionProps) {
  const scale = scaleOf(manifest, node);
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyId = useId();
  const code = node.code ?? node.label;
  const required = requiredLevel(scale)?.label;
  const verdict = (level: string) => assessmentVerdict({ proficient: isProficient(scale, level), ...(required === undefined ? {} : { requiredLabel: required }) });

  return (
    <div className="assessment">
      {assessment ? (
        <>
          <p className="assessment__level">
            Niveau : <strong>{levelLabel(scale, assessment.level)}</strong>{' '}
            {isProficient(scale, assessment.level) ? (
              <span className="assessment__reached">
                <span aria-hidden="true">✓ </span>
                {verdict(assessment.level)}
              </span>
            ) : (
              <span className="assessment__below">
                <span aria-hidden="true">✗ </span>
                {verdict(assessment.level)}
              </span>
            )}
          </p>
          <p className="assessment__by">
            Évaluation par {assessment.byName}, le <time dateTime={assessment.at}>{formatDate(assessment.at)}</time>.
          </p>
          {assessment.feedback && (
            <div className="assessment__feedback">
              <p className="assessment__feedback-label">Retour :</p>
              <p className="assessment__feedback-text">{assessment.feedback}</p>
            </div>
          )}
          <button
            type="button"
            className="button button--quiet assessment__history-toggle"
            aria-expanded={historyOpen}
            aria-controls={historyId}
            onClick={() => setHistoryOpen((open) => !open)}
          >
            <span aria-hidden="true">{historyOpen ? '▾ ' : '▸ '}</span>
            Historique ({assessment.history.length} {assessment.history.length <= 1 ? 'changement' : 'changements'})
          </button>
          <ol id={historyId} className="assessment__history" hidden={!historyOpen} aria-label={`Historique de l’évaluation de ${code}`}>
            {newestFirst(assessment.history).map((change, index) => (
              <li key={`${change.at}-${index}`}>
                <span className="assessment__change">{describeChange(change, scale)}</span>
                <span className="assessment__change-meta">
                  {' '}
                  — {change.byName}, <time dateTime={change.at}>{formatDate(change.at)}</time>
                </span>
                {change.feedback && <p className="assessment__change-feedback">« {change.feedback} »</p>}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted assessment__none">Pas encore d’évaluation.</p>
      )}
      {canAssess &&
        (scale ? (
          <AssessmentForm documentId={documentId} nodeId={node.id} code={code} scale={scale} current={assessment} announce={announce} />
        ) : (
          <p className="muted">Le référentiel ne définit aucune échelle pour évaluer ce critère.</p>
        ))}
    </div>
  );
}
