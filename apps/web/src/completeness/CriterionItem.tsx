import { evidenceWording, levelLabel, scaleOf, type CompletenessTreeNode, type ReferentialManifest, type ResolvedEvidenceLink } from '@canevas/core';
import { useId, useState } from 'react';
import { AssessmentSection } from '../assessments/AssessmentSection.js';
import { EvidenceItem } from '../evidence/EvidenceItem.js';
import type { EvidenceActions } from '../evidence/useEvidenceActions.js';
import { criterionModalities } from '../referentials/criterionModalities.js';
import { modalityConstraints } from '../referentials/referentialLabels.js';
import { useCriterionReview } from './CriterionReviewContext.js';
import { StatusBadge } from './StatusBadge.js';

interface CriterionItemProps {
  item: CompletenessTreeNode;
  manifest: ReferentialManifest;
  /** The links made to this very node. */
  links: readonly ResolvedEvidenceLink[];
  actions: EvidenceActions;
}

/**
 * A criterion as a disclosure: status, code and level; open, its full text, its assessment, its
 * comments, modalities, evidence and what is missing.
 */
export function CriterionItem({ item, manifest, links, actions }: CriterionItemProps) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const review = useCriterionReview();
  const { node, criterion } = item;
  if (!criterion) return null;
  const assessment = node.assessable ? review?.assessmentOf(node.id) : undefined;
  const threadCount = review?.threadCountOf(node.id) ?? 0;
  const missing = [...new Set(item.missing.map((entry) => entry.message))];
  const detached = links.filter((link) => link.status === 'detached').length;

  return (
    <div className="criterion" data-criterion={node.code ?? node.id} data-criterion-status={criterion.status}>
      <button
        type="button"
        className="criterion__toggle"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded((open) => !open)}
      >
        <span className="criterion__chevron" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="criterion__summary">
          <span className="criterion__head">
            {node.code && <span className="criterion-code">{node.code}</span>}
            <StatusBadge status={criterion.status} criterion={criterion} />
            {assessment && (
              <span className="criterion__level">
                <span className="visually-hidden">Niveau : </span>
                {levelLabel(scaleOf(manifest, node), assessment.level)}
              </span>
            )}
            <span className="criterion__count">
              {evidenceWording(criterion)}
              {detached > 0 && `, ${detached} ${detached === 1 ? 'détaché' : 'détachés'}`}
            </span>
          </span>
          <span className="criterion__label">{node.label}</span>
        </span>
      </button>
      <div id={detailsId} className="criterion__details" hidden={!expanded}>
        {expanded && (
          <dl>
            <dt>Critère</dt>
            <dd>
              <p className="criterion__text">{node.label}</p>
              {node.description && <p className="criterion__text">{node.description}</p>}
            </dd>
            {node.assessable && review && (
              <>
                <dt>Évaluation</dt>
                <dd>
                  <AssessmentSection
                    manifest={manifest}
                    node={node}
                    assessment={assessment}
                    canAssess={review.canAssess}
                    documentId={review.documentId}
                    announce={review.announce}
                  />
                </dd>
              </>
            )}
            {review && (
              <>
                <dt>Commentaires</dt>
                <dd className="criterion__comments">
                  {threadCount === 0 ? (
                    <p className="muted">Aucun commentaire sur ce critère.</p>
                  ) : (
                    <button type="button" className="button button--quiet" onClick={() => review.showThreadsOf(node.id)}>
                      Voir {threadCount === 1 ? 'le fil' : `les ${threadCount} fils`} sur {node.code ?? 'ce critère'}
                    </button>
                  )}
                  {review.canComment && (
                    <button type="button" className="button button--quiet" onClick={() => review.commentOnCriterion(node.id)}>
                      Commenter ce critère<span className="visually-hidden"> ({node.code ?? node.label})</span>
                    </button>
                  )}
                </dd>
              </>
            )}
            <dt>Modalités d’évaluation</dt>
            <dd>
              <Modalities manifest={manifest} nodeId={node.id} />
            </dd>
            <dt>Preuves</dt>
            <dd>
              {links.length === 0 ? (
                <p className="muted">
                  Aucun passage lié.{actions.canChange && ' Sélectionnez un passage puis « Lier à un critère ».'}
                </p>
              ) : (
                <ul className="evidence-list">
                  {links.map((link) => (
                    <EvidenceItem key={link.id} link={link} actions={actions} />
                  ))}
                </ul>
              )}
            </dd>
            <dt>Ce qui manque</dt>
            <dd>
              {missing.length === 0 ? (
                <p className="muted">Rien n’est signalé pour ce critère.</p>
              ) : (
                <ul className="missing-list">
                  {missing.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        )}
      </div>
    </div>
  );
}

function Modalities({ manifest, nodeId }: { manifest: ReferentialManifest; nodeId: string }) {
  const modalities = criterionModalities(manifest, nodeId);
  if (modalities.length === 0) return <p className="muted">Le référentiel n’en précise pas.</p>;
  return (
    <ul className="modality-list">
      {modalities.map((modality) => {
        const constraints = modalityConstraints(modality);
        return (
          <li key={modality.id}>
            {modality.label}
            {constraints && ` (${constraints})`}
          </li>
        );
      })}
    </ul>
  );
}
