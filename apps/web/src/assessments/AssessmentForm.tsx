import { levelLabel, type Scale, type StoredAssessment } from '@canevas/core';
import { useId, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';

/** The server refuses longer feedback. */
export const FEEDBACK_MAX = 5000;

interface AssessmentFormProps {
  documentId: string;
  nodeId: string;
  /** « C1 »: names the controls among the panel's many criteria. */
  code: string;
  scale: Scale;
  current: StoredAssessment | undefined;
  announce: (message: string) => void;
}

/** For tutors: a level of the node's scale and written feedback; every save joins the history. */
export function AssessmentForm({ documentId, nodeId, code, scale, current, announce }: AssessmentFormProps) {
  const [level, setLevel] = useState(current?.level ?? '');
  const [feedback, setFeedback] = useState(current?.feedback ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (level === '') {
      setError('Choisissez un niveau.');
      return;
    }
    if (feedback.trim().length > FEEDBACK_MAX) {
      setError(`Le retour ne doit pas dépasser ${FEEDBACK_MAX} caractères.`);
      return;
    }
    setBusy(true);
    try {
      await trpc.assessments.set.mutate({ documentId, nodeId, level, ...(feedback.trim() !== '' ? { feedback: feedback.trim() } : {}) });
      setError(null);
      announce(`Évaluation de ${code} enregistrée : ${levelLabel(scale, level)}.`);
    } catch (failure) {
      setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${baseId}-error`;
  return (
    <form className="assessment-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${baseId}-level`}>
          Niveau<span className="visually-hidden"> pour {code}</span>
        </label>
        <select
          id={`${baseId}-level`}
          className="input"
          value={level}
          aria-invalid={(error !== null && level === '') || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setLevel(event.target.value);
            setError(null);
          }}
        >
          {level === '' && <option value="">Choisir un niveau</option>}
          {scale.levels.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
              {candidate.proficient ? ' (niveau requis)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${baseId}-feedback`}>
          Retour écrit<span className="visually-hidden"> pour {code}</span> (facultatif)
        </label>
        <textarea
          id={`${baseId}-feedback`}
          className="input assessment-form__feedback"
          rows={3}
          value={feedback}
          onChange={(event) => setFeedback(event.target.value)}
        />
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer l’évaluation'}
        </button>
      </div>
    </form>
  );
}
