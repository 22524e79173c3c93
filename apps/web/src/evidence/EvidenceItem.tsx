import type { ResolvedEvidenceLink } from '@canevas/core';
import { formatDate } from '../documents/formatDate.js';
import { shortQuote } from '../ui/shortQuote.js';
import type { EvidenceActions } from './useEvidenceActions.js';

interface EvidenceItemProps {
  link: ResolvedEvidenceLink;
  actions: EvidenceActions;
  /** The criterion's code, when the list mixes criteria (the détachés list). */
  code?: string;
}

/**
 * One evidence link: its passage (a button that jumps to it) or, once détaché, its original quote
 * with « Rattacher à la sélection ». Both can be removed.
 */
export function EvidenceItem({ link, actions, code }: EvidenceItemProps) {
  const busy = actions.busy.has(link.id);
  const quote = link.status === 'attached' ? link.resolution.text : link.anchor.quote.exact;
  const byline = `${link.createdBy}, ${formatDate(link.createdAt)}`;
  return (
    <li className={`evidence-item${link.status === 'detached' ? ' evidence-item--detached' : ''}`} data-evidence-id={link.id}>
      {link.status === 'attached' ? (
        <button type="button" className="evidence-item__quote" onClick={() => actions.jumpTo(link)}>
          <span className="visually-hidden">Aller au passage{code ? ` lié à ${code}` : ''} : </span>
          {code && <span className="criterion-code" aria-hidden="true">{code}</span>} « {shortQuote(quote, 200)} »
        </button>
      ) : (
        <p className="evidence-item__detached">
          <span className="evidence-item__badge">
            <span aria-hidden="true">⚠ </span>Détaché
          </span>{' '}
          {code && <span className="criterion-code">{code}</span>} « {shortQuote(quote, 200)} »
          <span className="evidence-item__why"> Le passage a été supprimé du document.</span>
        </p>
      )}
      <p className="evidence-item__meta">{byline}</p>
      {actions.canChange && (
      <div className="evidence-item__actions">
        {link.status === 'detached' && (
          <button
            type="button"
            className="button button--quiet"
            aria-disabled={actions.reattachUnavailable !== null || busy || undefined}
            title={actions.reattachUnavailable ?? undefined}
            aria-label={`Rattacher à la sélection : « ${shortQuote(quote)} »`}
            onClick={() => {
              if (actions.reattachUnavailable === null) actions.reattach(link);
            }}
          >
            Rattacher à la sélection
          </button>
        )}
        <button
          type="button"
          className="button button--quiet button--danger-text"
          aria-disabled={busy || undefined}
          aria-label={`Retirer le lien : « ${shortQuote(quote)} »`}
          onClick={() => {
            if (!busy) actions.requestRemoval(link);
          }}
        >
          Retirer
        </button>
      </div>
      )}
    </li>
  );
}
