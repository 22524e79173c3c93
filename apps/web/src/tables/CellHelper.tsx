import { matchEnum } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import type { KeyboardEvent } from 'react';
import type { CaretCell } from './caretCell.js';

/**
 * Says where the caret is and what the column expects; for an enum column, its values as
 * buttons (Alt+Arrow Down from the cell, Escape back). Choosing one writes it as the cell's
 * plain text, so concurrent edits still merge cell by cell.
 */
export function CellHelper({ editor, caret }: { editor: Editor; caret: CaretCell }) {
  const chosen = matchEnum(caret.text, caret.options);
  function returnToCell(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    editor.commands.focus();
  }
  return (
    <div className="typed-table__caret" onKeyDown={returnToCell}>
      <p className="typed-table__where">
        Ligne {caret.rowIndex + 1}, colonne « {caret.label} »{caret.hint ? ` — ${caret.hint}` : ''}.
      </p>
      <p className="typed-table__keys">
        <kbd>Entrée</kbd> : cellule du dessous · <kbd>Ctrl</kbd>+<kbd>Entrée</kbd> : nouvelle ligne ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Maj</kbd>+<kbd>Retour arrière</kbd> : supprimer la ligne
        {caret.options.length > 0 && (
          <>
            {' '}· <kbd>Alt</kbd>+<kbd>↓</kbd> : valeurs proposées
          </>
        )}
      </p>
      {caret.options.length > 0 && (
        <div
          className="typed-table__values"
          role="group"
          aria-label={`Valeurs proposées pour « ${caret.label} » (Alt+Flèche bas depuis la cellule, Échap pour y revenir)`}
        >
          {caret.options.map((option) => (
            <button
              key={option}
              type="button"
              className="typed-table__value"
              aria-pressed={chosen === option}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => editor.chain().focus().setTypedTableCell(caret.cellPos, option).run()}
            >
              {option}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
