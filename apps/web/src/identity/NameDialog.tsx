import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { NAME_MAX_LENGTH, validateName } from './userIdentity.js';

interface NameDialogProps {
  initialName?: string;
  cancelLabel: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

export function NameDialog({ initialName = '', cancelLabel, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problem = validateName(name);
    setError(problem);
    if (!problem) onSubmit(name.trim());
  }

  return (
    <Dialog title="Comment vous appelez-vous ?" onCancel={onCancel}>
      <form onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>Votre nom</label>
          <p id={hintId} className="field-hint">
            Il est affiché aux autres personnes présentes dans le document.
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
          <button type="submit" className="button button--primary">
            Valider
          </button>
        </div>
      </form>
    </Dialog>
  );
}
