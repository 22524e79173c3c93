import { useId } from 'react';
import { Dialog } from './Dialog.js';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  busyLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
}

/** Asks before a destructive action; the safe choice has the initial focus. */
export function ConfirmDialog({ title, message, confirmLabel, busyLabel, onConfirm, onCancel, busy = false, error = null }: ConfirmDialogProps) {
  const errorId = useId();
  return (
    <Dialog title={title} onCancel={onCancel} alert>
      <p>{message}</p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          Annuler
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          disabled={busy}
          aria-describedby={error ? errorId : undefined}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
