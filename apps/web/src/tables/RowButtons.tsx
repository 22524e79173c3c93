import type { Editor } from '@tiptap/core';
import type { CaretCell } from './caretCell.js';

interface RowButtonsProps {
  editor: Editor;
  getPos: () => number | undefined;
  caret: CaretCell | null;
}

const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

/** Add a row at the end; with the caret in the table, insert under its row or delete it. */
export function RowButtons({ editor, getPos, caret }: RowButtonsProps) {
  const appendRow = () => {
    const tablePos = getPos();
    if (tablePos !== undefined) editor.chain().focus().addTypedTableRow({ tablePos }).run();
  };
  return (
    <div className="typed-table__actions" role="group" aria-label="Lignes du tableau">
      <button type="button" className="button button--quiet" onMouseDown={keepSelection} onClick={appendRow}>
        Ajouter une ligne à la fin
      </button>
      {caret && (
        <>
          <button
            type="button"
            className="button button--quiet"
            aria-keyshortcuts="Control+Enter"
            onMouseDown={keepSelection}
            onClick={() => editor.chain().focus().addTypedTableRow().run()}
          >
            Insérer une ligne sous la ligne {caret.rowIndex + 1}
          </button>
          <button
            type="button"
            className="button button--quiet button--danger-text"
            disabled={caret.rowCount <= 1}
            title={caret.rowCount <= 1 ? 'Un tableau garde au moins une ligne.' : undefined}
            aria-keyshortcuts="Control+Shift+Backspace"
            onMouseDown={keepSelection}
            onClick={() => editor.chain().focus().deleteTypedTableRow().run()}
          >
            Supprimer la ligne {caret.rowIndex + 1}
          </button>
        </>
      )}
    </div>
  );
}
