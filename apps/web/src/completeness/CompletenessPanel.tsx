import {
  completenessWording,
  SEVERITY_LABELS,
  type Assessment,
  type CompletenessTreeNode,
  type CompletenessWording,
  type ReferentialManifest,
  type ResolvedEvidenceLink,
  type RuleFunction,
} from '@canevas/core';
import { useId, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type * as Y from 'yjs';
import { EvidenceItem } from '../evidence/EvidenceItem.js';
import type { EvidenceSnapshot } from '../evidence/LiveEvidence.js';
import type { EvidenceActions } from '../evidence/useEvidenceActions.js';
import { CriterionItem } from './CriterionItem.js';
import { StatusBadge } from './StatusBadge.js';
import { useCompleteness } from './useCompleteness.js';
import './completeness.css';

/** Below this width the panel sits under the editor, folded by default. */
const NARROW_QUERY = '(max-width: 60rem)';

interface CompletenessPanelProps {
  contentDoc: Y.Doc;
  manifest: ReferentialManifest;
  templateId: string | null;
  evidence: EvidenceSnapshot;
  /** The tutor's live assessments: statuses and the decision follow them. */
  assessments: readonly Assessment[];
  ruleFunctions: Readonly<Record<string, RuleFunction>>;
  actions: EvidenceActions;
  codeOf: (nodeId: string) => string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Notices (a failed request), shown under the score. */
  children?: ReactNode;
}

/**
 * What the document still lacks for its referential, live: score and decision, détaché links,
 * missing sections and tables, then the criteria grouped as the referential groups them.
 */
export function CompletenessPanel(props: CompletenessPanelProps) {
  const { contentDoc, manifest, templateId, evidence, assessments, ruleFunctions, actions, codeOf, headingRef, children } = props;
  const { report, tree } = useCompleteness({ contentDoc, manifest, templateId, evidence: evidence.links, assessments, ruleFunctions });
  const [open, setOpen] = useState(() => !window.matchMedia(NARROW_QUERY).matches);
  const baseId = useId();

  const linksByNode = useMemo(() => {
    const map = new Map<string, ResolvedEvidenceLink[]>();
    for (const link of evidence.links) {
      let list = map.get(link.nodeId);
      if (!list) map.set(link.nodeId, (list = []));
      list.push(link);
    }
    return map;
  }, [evidence.links]);
  const detached = evidence.links.filter((link) => link.status === 'detached');
  // The core's wording, which the exported annex uses too. Evidence counts and levels are shown
  // on each criterion; the rest (sections, tables, what is left to assess) is listed here.
  const wording = useMemo(() => completenessWording(manifest, report), [manifest, report]);
  const toComplete = wording.toComplete;

  return (
    <aside className="completeness" aria-labelledby={`${baseId}-heading`}>
      <div className="completeness__header">
        <h2 id={`${baseId}-heading`} ref={headingRef} tabIndex={-1} className="completeness__title">
          Complétude
        </h2>
        <button
          type="button"
          className="button button--quiet completeness__toggle"
          aria-expanded={open}
          aria-controls={`${baseId}-body`}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Masquer le détail' : 'Afficher le détail'}
        </button>
      </div>
      <p className="completeness__score" aria-live="polite" aria-atomic="true">
        <span className="completeness__score-value">{wording.score}</span> <span className="muted">{wording.checks}</span>
      </p>
      <meter className="completeness__meter" min={0} max={100} value={report.score} aria-label="Score de complétude" />
      {children}
      <div id={`${baseId}-body`} className={open ? 'completeness__body' : 'completeness__body completeness__body--folded'}>
        <DecisionSummary decision={wording.decision} headingId={`${baseId}-decision`} />
        {!evidence.loaded && (
          <p role="status" className="muted">
            Chargement des preuves…
          </p>
        )}

        {detached.length > 0 && (
          <section className="completeness__section completeness__section--detached" aria-labelledby={`${baseId}-detached`}>
            <h3 id={`${baseId}-detached`} className="completeness__subtitle">
              <span aria-hidden="true">⚠ </span>
              {detached.length === 1 ? '1 lien détaché' : `${detached.length} liens détachés`}
            </h3>
            <p className="completeness__hint">
              {detached.length === 1 ? 'Son passage a été supprimé.' : 'Leurs passages ont été supprimés.'} Sélectionnez le nouveau passage dans le document, puis
              « Rattacher à la sélection ».
            </p>
            <ul className="evidence-list">
              {detached.map((link) => (
                <EvidenceItem key={link.id} link={link} actions={actions} code={codeOf(link.nodeId)} />
              ))}
            </ul>
          </section>
        )}

        {toComplete.length > 0 && (
          <section className="completeness__section" aria-labelledby={`${baseId}-todo`}>
            <h3 id={`${baseId}-todo`} className="completeness__subtitle">
              À compléter
            </h3>
            <ul className="missing-list">
              {toComplete.map((item) => (
                <li key={item.message} className={`missing-item missing-item--${item.severity}`}>
                  <span className="missing-item__severity">{SEVERITY_LABELS[item.severity]} :</span> {item.message}
                </li>
              ))}
            </ul>
          </section>
        )}

        <ul className="completeness-tree">
          {tree.map((root) => (
            <TreeItem key={root.node.id} item={root} depth={0} manifest={manifest} linksByNode={linksByNode} actions={actions} />
          ))}
        </ul>
      </div>
    </aside>
  );
}

interface TreeItemProps {
  item: CompletenessTreeNode;
  depth: number;
  manifest: ReferentialManifest;
  linksByNode: Map<string, ResolvedEvidenceLink[]>;
  actions: EvidenceActions;
}

/** A group (activity, competency, block, fiche) with a heading, or a criterion with its disclosure. */
function TreeItem({ item, depth, manifest, linksByNode, actions }: TreeItemProps) {
  // A branch without any criterion has nothing to show.
  if (item.status === undefined) return null;
  const children = item.children.filter((child) => child.status !== undefined);
  const nested = children.length > 0 && (
    <ul className="completeness-tree__children">
      {children.map((child) => (
        <TreeItem key={child.node.id} item={child} depth={depth + 1} manifest={manifest} linksByNode={linksByNode} actions={actions} />
      ))}
    </ul>
  );
  if (item.criterion) {
    return (
      <li className="completeness-tree__criterion">
        <CriterionItem item={item} manifest={manifest} links={linksByNode.get(item.node.id) ?? []} actions={actions} />
        {nested}
      </li>
    );
  }
  const Heading = depth === 0 ? 'h3' : depth === 1 ? 'h4' : 'h5';
  return (
    <li className={`completeness-tree__group completeness-tree__group--depth-${Math.min(depth, 2)}`}>
      <Heading className="completeness-tree__heading">
        {item.node.code && <span className="criterion-code">{item.node.code}</span>} <span className="completeness-tree__label">{item.node.label}</span>
      </Heading>
      <StatusBadge status={item.status} />
      {nested}
    </li>
  );
}

/** The referential's decision rule and where the dossier stands, in words (never colour alone). */
function DecisionSummary({ decision, headingId }: { decision: CompletenessWording['decision']; headingId: string }) {
  return (
    <section className={`decision decision--${decision.outcome}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="decision__title">
        Décision
      </h3>
      <p className="decision__outcome" aria-live="polite" aria-atomic="true">
        <span aria-hidden="true">{decision.icon} </span>
        {decision.label}
      </p>
      <p className="decision__rule">
        <strong>Règle du référentiel :</strong> {decision.rule}
      </p>
      {decision.reasons.length > 0 && (
        <ul className="decision__reasons">
          {decision.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
