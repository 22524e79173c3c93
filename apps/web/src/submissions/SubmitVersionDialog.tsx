import { useId, useRef, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { formatDate } from '../documents/formatDate.js';
import { Link } from '../routing/Link.js';
import { submissionPath } from '../routing/navigation.js';
import { Dialog } from '../ui/Dialog.js';
import { defaultVersionName } from './defaultVersionName.js';
import type { SubmissionSummary } from './useSubmissions.js';

/** The server refuses longer names. */
export const VERSION_NAME_MAX = 120;

interface SubmitVersionDialogProps {
  documentId: string;
  onSubmitted: (submission: SubmissionSummary) => void;
  onClose: () => void;
}

/**
 * « Soumettre »: names the version (« Version du 3 mars 2026 » proposed), freezes it on the
 * server, then confirms what happened and what did not (the draft stays editable).
 */
export function SubmitVersionDialog({ documentId, onSubmitted, onClose }: SubmitVersionDialogProps) {
  const [name, setName] = useState(() => defaultVersionName(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<SubmissionSummary | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const baseId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Nommez la version soumise.');
      inputRef.current?.focus();
      return;
    }
    if (trimmed.length > VERSION_NAME_MAX) {
      setError(`Le nom ne doit pas dépasser ${VERSION_NAME_MAX} caractères.`);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const submission = await trpc.submissions.create.mutate({ documentId, name: trimmed });
      onSubmitted(submission);
      setSubmitted(submission);
      // The form gives way to the confirmation: its button takes the focus.
      requestAnimationFrame(() => closeRef.current?.focus());
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setBusy(false);
    }
  }

  const errorId = `${baseId}-error`;
  if (submitted) {
    return (
      <Dialog title="Version soumise" onCancel={onClose}>
        <div role="status" className="submission-confirmation">
          <p>
            <span aria-hidden="true">✓ </span>La version « {submitted.name} » est soumise, le {formatDate(submitted.createdAt)}.
          </p>
          <p>Votre tuteur lit cette version figée. Vous pouvez continuer à modifier le brouillon : la version soumise ne changera pas.</p>
        </div>
        <div className="dialog__actions">
          <Link className="button" href={submissionPath(documentId, submitted.id)}>
            Voir la version soumise
          </Link>
          <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
            Fermer
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Soumettre une version" onCancel={onClose}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <p>Le document sera figé tel qu’il est enregistré maintenant et transmis à votre tuteur. Le brouillon reste modifiable.</p>
        <div className="field">
          <label htmlFor={`${baseId}-name`}>Nom de la version</label>
          <input
            ref={inputRef}
            id={`${baseId}-name`}
            className="input"
            value={name}
            maxLength={VERSION_NAME_MAX + 20}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? errorId : undefined}
            data-autofocus
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Soumission…' : 'Soumettre'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
