import { Dialog } from '../ui/Dialog.js';
import type { InsertableChoice } from './insertableTables.js';

interface InsertTableDialogProps {
  choices: InsertableChoice[];
  onChoose: (choice: InsertableChoice) => void;
  onCancel: () => void;
}

/** Which typed table to insert: one button per preset, then « Annuler ». */
export function InsertTableDialog({ choices, onChoose, onCancel }: InsertTableDialogProps) {
  return (
    <Dialog title="Insérer un tableau" onCancel={onCancel}>
      <ul className="insert-table__choices">
        {choices.map((choice, index) => (
          <li key={choice.id}>
            <button
              type="button"
              className="button insert-table__choice"
              onClick={() => onChoose(choice)}
              {...(index === 0 ? { 'data-autofocus': true } : {})}
            >
              {choice.label}
              <small>{choice.table.columns.map((column) => column.label).join(', ')}</small>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </Dialog>
  );
}
