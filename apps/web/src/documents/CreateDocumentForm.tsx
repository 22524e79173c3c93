import { useId, useRef, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { TITLE_MAX_LENGTH, validateTitle } from './validateTitle.js';

interface CreateDocumentFormProps {
  onCreate: (title: string) => Promise<void>;
}

export function CreateDocumentForm({ onCreate }: CreateDocumentFormProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const problem = validateTitle(title);
    setError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onCreate(title.trim());
      setTitle('');
    } catch (failure) {
      setError(apiErrorMessage(failure));
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="create-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="section-title">
        Nouveau document
      </h2>
      <div className="create-form__row">
        <div className="field">
          <label htmlFor={inputId}>Titre du document</label>
          <input
            ref={inputRef}
            id={inputId}
            className="input"
            value={title}
            maxLength={TITLE_MAX_LENGTH}
            placeholder="Par exemple : Plan de communication 2026"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Création…' : 'Créer le document'}
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
