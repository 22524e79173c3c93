import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { TITLE_MAX_LENGTH, validateTitle } from './validateTitle.js';

interface RenameTitleFormProps {
  title: string;
  /** Rejects with the server's error; the form stays open to show it. */
  onRename: (title: string) => Promise<void>;
  /** Called after a successful rename or a cancel. */
  onClose: () => void;
}

/** Inline rename: Enter saves, Escape cancels. */
export function RenameTitleForm({ title, onRename, onClose }: RenameTitleFormProps) {
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const problem = validateTitle(value);
    if (problem) {
      setError(problem);
      return;
    }
    if (value.trim() === title) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRename(value.trim());
      onClose();
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setBusy(false);
      inputRef.current?.focus();
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      // Inside a dialog or the editor page, Escape must not also close something else.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <form className="rename-form" onSubmit={handleSubmit} noValidate>
      <label htmlFor={inputId} className="visually-hidden">
        Nouveau titre
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="input"
        value={value}
        maxLength={TITLE_MAX_LENGTH}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        Enregistrer
      </button>
      <button type="button" className="button" onClick={onClose}>
        Annuler
      </button>
      {error && (
        <p id={errorId} className="field-error rename-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
