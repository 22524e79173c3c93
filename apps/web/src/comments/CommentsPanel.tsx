import type { ReferentialManifest, StoredThread } from '@canevas/core';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocumentRole } from '../account/roleNames.js';
import { shortQuote } from '../ui/shortQuote.js';
import { commentAnnouncement } from './commentAnnouncement.js';
import { canComment } from './commentPermissions.js';
import type { ThreadsSnapshot } from './LiveThreads.js';
import { criterionOptions, filterThreads, threadCountLabel, threadCounts, type CriterionFilter, type StatusFilter, type ThreadFilter } from './threadFilters.js';
import { ThreadItem } from './ThreadItem.js';
import { COMMENT_LABEL, COMMENT_SHORTCUT } from './useCommenting.js';
import './comments.css';

const ALL = '*';
const NONE = '-';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Ouverts' },
  { value: 'resolved', label: 'Résolus' },
  { value: 'all', label: 'Tous' },
];

interface CommentsPanelProps {
  documentId: string;
  threads: ThreadsSnapshot;
  manifest: ReferentialManifest | null;
  codeOf: (nodeId: string) => string;
  userId: string;
  role: DocumentRole;
  activeThreadId: string | null;
  onJump: (thread: StoredThread) => boolean;
  filter: ThreadFilter;
  onFilterChange: (filter: ThreadFilter) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  announce: (message: string) => void;
}

function criterionValue(criterion: CriterionFilter): string {
  return criterion.kind === 'all' ? ALL : criterion.kind === 'none' ? NONE : criterion.nodeId;
}

function criterionFromValue(value: string): CriterionFilter {
  return value === ALL ? { kind: 'all' } : value === NONE ? { kind: 'none' } : { kind: 'node', nodeId: value };
}

/**
 * « Commentaires »: every thread of the document, live, filtered by status and by criterion.
 * Others' new comments are announced politely.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { documentId, threads, manifest, codeOf, userId, role, activeThreadId, onJump, filter, onFilterChange, headingRef, announce } = props;
  const baseId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [incoming, setIncoming] = useState('');
  const previous = useRef<ThreadsSnapshot | null>(null);

  const labelOf = useMemo(() => {
    const labels = new Map(manifest?.nodes.map((node) => [node.id, node.label]) ?? []);
    return (nodeId: string) => labels.get(nodeId) ?? nodeId;
  }, [manifest]);
  const all = threads.threads;
  const counts = threadCounts(all);
  const options = useMemo(() => criterionOptions(all, manifest?.nodes.map((node) => node.id) ?? []), [all, manifest]);
  const withoutCriterion = all.some(({ thread }) => thread.nodeId === undefined);
  const visible = filterThreads(all, filter);
  // A criterion chosen from the completeness panel may have no thread yet: keep it selectable.
  const chosenNode = filter.criterion.kind === 'node' ? filter.criterion.nodeId : null;
  const chosenWithoutThread = chosenNode !== null && !options.some((option) => option.nodeId === chosenNode);

  useEffect(() => {
    const before = previous.current;
    previous.current = threads;
    if (!before?.loaded || !threads.loaded) return;
    const message = commentAnnouncement(
      before.threads.map((entry) => entry.thread),
      threads.threads.map((entry) => entry.thread),
      userId,
    );
    if (message) setIncoming(message);
  }, [threads, userId]);

  useEffect(() => {
    if (activeThreadId === null) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(activeThreadId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [activeThreadId]);

  function onResolvedChange(resolved: boolean): void {
    // The thread leaves the list it was in: the heading keeps the focus in the panel.
    if ((resolved && filter.status === 'open') || (!resolved && filter.status === 'resolved')) headingRef.current?.focus();
  }

  const countFor = (status: StatusFilter) => (status === 'open' ? counts.open : status === 'resolved' ? counts.resolved : all.length);
  return (
    <aside className="comments-panel" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} ref={headingRef} tabIndex={-1} className="comments-panel__title">
        Commentaires
      </h2>
      <div className="comments-panel__filters">
        <fieldset className="segmented">
          <legend className="segmented__legend">Afficher les fils</legend>
          {STATUS_OPTIONS.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name={`${baseId}-status`}
                value={option.value}
                checked={filter.status === option.value}
                onChange={() => onFilterChange({ ...filter, status: option.value })}
              />
              <span>
                {option.label} ({countFor(option.value)})
              </span>
            </label>
          ))}
        </fieldset>
        {(options.length > 0 || filter.criterion.kind !== 'all') && (
          <div className="field">
            <label htmlFor={`${baseId}-criterion`}>Critère</label>
            <select
              id={`${baseId}-criterion`}
              className="input"
              value={criterionValue(filter.criterion)}
              onChange={(event) => onFilterChange({ ...filter, criterion: criterionFromValue(event.target.value) })}
            >
              <option value={ALL}>Tous les critères</option>
              {withoutCriterion && <option value={NONE}>Sans critère</option>}
              {chosenNode !== null && chosenWithoutThread && (
                <option value={chosenNode}>{shortQuote(`${codeOf(chosenNode)} — ${labelOf(chosenNode)}`, 70)} (0)</option>
              )}
              {options.map((option) => (
                <option key={option.nodeId} value={option.nodeId}>
                  {shortQuote(`${codeOf(option.nodeId)} — ${labelOf(option.nodeId)}`, 70)} ({option.count})
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <p className="comments-panel__count">{threadCountLabel(visible.length, filter.status)}</p>
      {!threads.loaded && (
        <p role="status" className="muted">
          Chargement des commentaires…
        </p>
      )}
      {visible.length > 0 ? (
        <ol ref={listRef} className="thread-list">
          {visible.map((entry) => (
            <ThreadItem
              key={entry.thread.id}
              entry={entry}
              documentId={documentId}
              userId={userId}
              role={role}
              active={entry.thread.id === activeThreadId}
              codeOf={codeOf}
              labelOf={labelOf}
              onJump={onJump}
              onResolvedChange={onResolvedChange}
              announce={announce}
            />
          ))}
        </ol>
      ) : (
        threads.loaded &&
        all.length === 0 &&
        canComment(role) && (
          <p className="comments-panel__hint">
            Sélectionnez un passage puis « {COMMENT_LABEL} » ({COMMENT_SHORTCUT.label})
            {manifest ? ', ou commentez un critère depuis la complétude.' : '.'}
          </p>
        )
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {incoming}
      </p>
    </aside>
  );
}
