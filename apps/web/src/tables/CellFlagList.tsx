import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { CellFlag } from './cellValidation.js';

/**
 * The table's invalid cells in words. Each cell names its item (aria-describedby); « Aller à
 * la cellule » puts the caret at the end of its text, which stays as typed until corrected.
 */
export function CellFlagList({ editor, flags }: { editor: Editor; flags: CellFlag[] }) {
  if (flags.length === 0) return null;
  const goTo = (flag: CellFlag) => {
    const cell = editor.state.doc.nodeAt(flag.cellPos);
    if (!cell) return;
    const end = flag.cellPos + 1 + cell.content.size;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)).scrollIntoView());
    editor.view.focus();
  };
  return (
    <div className="typed-table__flags">
      <p className="typed-table__flags-title">
        {flags.length === 1 ? '1 cellule à corriger (non comptée dans les calculs) :' : `${flags.length} cellules à corriger (non comptées dans les calculs) :`}
      </p>
      <ul>
        {flags.map((flag) => (
          <li key={flag.id} id={flag.id}>
            Ligne {flag.row + 1}, « {flag.columnLabel} » : {flag.message}{' '}
            <button
              type="button"
              className="button button--quiet typed-table__goto"
              aria-label={`Aller à la cellule ligne ${flag.row + 1}, « ${flag.columnLabel} »`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => goTo(flag)}
            >
              Aller à la cellule
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
