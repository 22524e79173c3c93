import { useId, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { Dialog } from '../ui/Dialog.js';
import { NAME_MAX_LENGTH, validateName } from './userIdentity.js';

interface NameDialogProps {
  initialName?: string;
  cancelLabel: string;
  /** Saves the name; a rejection is shown in the dialog, which stays open with what was typed. */
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}

export function NameDialog({ initialName = '', cancelLabel, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const problem = validateName(name);
    setError(problem);
    if (problem) return;
    setSaving(true);
    try {
      await onSubmit(name.trim());
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setSaving(false);
    }
  }

  return (
    <Dialog title="Comment vous appelez-vous ?" onCancel={onCancel}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor={inputId}>Votre nom</label>
          <p id={hintId} className="field-hint">
            Il est enregistré sur votre compte et affiché aux autres personnes présentes dans le document.
          </p>
          <input
            id={inputId}
            className="input"
            value={name}
            maxLength={NAME_MAX_LENGTH}
            autoComplete="name"
            data-autofocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            onChange={(event) => setName(event.target.value)}
          />
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
            {saving ? 'Enregistrement…' : 'Valider'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
