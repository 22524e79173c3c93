import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { linkAddress } from './linkAddress.js';

interface LinkDialogProps {
  /** The address of the link under the caret, when there is one. */
  current: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** « Lien »: the address for the selected text, or the link under the caret changed or removed. */
export function LinkDialog({ current, onApply, onRemove, onCancel }: LinkDialogProps) {
  const [address, setAddress] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const hintId = `${baseId}-hint`;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const result = linkAddress(address);
    if (result.ok) onApply(result.href);
    else setError(result.error);
  }

  return (
    <Dialog title={current ? 'Modifier le lien' : 'Insérer un lien'} onCancel={onCancel}>
      <form onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${baseId}-address`}>Adresse du lien</label>
          <input
            id={`${baseId}-address`}
            className="input"
            type="url"
            inputMode="url"
            autoComplete="url"
            value={address}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            data-autofocus
            onChange={(event) => {
              setAddress(event.target.value);
              setError(null);
            }}
          />
          <p id={hintId} className="field-hint">
            Une adresse web (exemple.fr, https://…) ou une adresse e-mail.
          </p>
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          {current && (
            <button type="button" className="button" onClick={onRemove}>
              Retirer le lien
            </button>
          )}
          <button type="submit" className="button button--primary">
            Appliquer
          </button>
        </div>
      </form>
    </Dialog>
  );
}
