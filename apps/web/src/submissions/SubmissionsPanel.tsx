import { useId } from 'react';
import { formatDate } from '../documents/formatDate.js';
import { Link } from '../routing/Link.js';
import { submissionPath } from '../routing/navigation.js';
import type { SubmissionsState } from './useSubmissions.js';
import './submissions.css';

interface SubmissionsPanelProps {
  documentId: string;
  state: SubmissionsState;
  onRefresh: () => void;
}

/** « Versions soumises »: every frozen version, for every role, each a link to its read-only view. */
export function SubmissionsPanel({ documentId, state, onRefresh }: SubmissionsPanelProps) {
  const headingId = useId();
  return (
    <section className="submissions" aria-labelledby={headingId}>
      <div className="submissions__header">
        <h2 id={headingId} className="submissions__title">
          Versions soumises
        </h2>
        <button type="button" className="button button--quiet" onClick={onRefresh}>
          Actualiser<span className="visually-hidden"> la liste des versions soumises</span>
        </button>
      </div>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          Chargement des versions…
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.submissions.length === 0 ? (
          <p className="muted">Aucune version soumise pour l’instant.</p>
        ) : (
          <ul className="submissions__list">
            {state.submissions.map((submission) => (
              <li key={submission.id}>
                <Link href={submissionPath(documentId, submission.id)}>{submission.name}</Link>
                <span className="submissions__meta">
                  {submission.createdBy}, <time dateTime={submission.createdAt}>{formatDate(submission.createdAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
