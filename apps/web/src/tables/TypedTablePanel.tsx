import { computedRows, matchEnum, todayIso } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import { useId, useMemo, type KeyboardEvent } from 'react';
import { TableChart } from '../charts/TableChart.js';
import { CellFlagList } from './CellFlagList.js';
import { cellFlagsOf, type CellFlag } from './cellValidation.js';
import { columnHint } from './columnHints.js';
import { ComputedRowsList } from './ComputedRowsList.js';
import { readTableNode } from './readTableNode.js';
import { tableContextOf } from './tableContext.js';

interface TypedTablePanelProps {
  editor: Editor;
  node: ProseMirrorNode;
  getPos: () => number | undefined;
}

interface CaretCell {
  rowIndex: number;
  rowCount: number;
  cellPos: number;
  columnId: string;
  label: string;
  hint: string | undefined;
  options: string[];
  text: string;
}

function sameCaret(a: CaretCell | null, b: CaretCell | null): boolean {
  if (a === null || b === null) return a === b;
  return a.rowIndex === b.rowIndex && a.rowCount === b.rowCount && a.cellPos === b.cellPos && a.text === b.text && a.columnId === b.columnId;
}

function sameFlags(a: CellFlag[], b: CellFlag[] | null): boolean {
  return b !== null && a.length === b.length && a.every((flag, i) => flag.id === b[i]!.id && flag.message === b[i]!.message);
}

/** Row buttons, value picker, computed rows and chart of one typed table. */
export function TypedTablePanel({ editor, node, getPos }: TypedTablePanelProps) {
  const today = todayIso();
  const table = readTableNode(node);
  const rows = useMemo(() => computedRows(table, today), [table, today]);
  const labelId = useId();
  const caret = useEditorState({
    editor,
    selector: ({ editor: current }): CaretCell | null => {
      const context = tableContextOf(current.state);
      if (!context || context.tablePos !== getPos()) return null;
      return {
        rowIndex: context.rowIndex,
        rowCount: context.rowCount,
        cellPos: context.cellPos,
        columnId: context.columnId,
        label: context.column?.label ?? context.columnId,
        hint: context.column ? columnHint(context.column) : undefined,
        options: context.column?.type === 'enum' ? (context.column.enum ?? []) : [],
        text: context.cell.textContent,
      };
    },
    equalityFn: sameCaret,
  });

  const flags = useEditorState({
    editor,
    selector: ({ editor: current }) => cellFlagsOf(current.state, getPos()),
    equalityFn: sameFlags,
  });
  const editable = editor.isEditable;
  const appendRow = () => {
    const tablePos = getPos();
    if (tablePos !== undefined) editor.chain().focus().addTypedTableRow({ tablePos }).run();
  };
  const chosen = caret ? matchEnum(caret.text, caret.options) : undefined;

  function returnToCell(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    editor.commands.focus();
  }

  return (
    <>
      <div className="typed-table__actions" role="group" aria-label="Lignes du tableau">
        <button type="button" className="button button--quiet" disabled={!editable} onMouseDown={(e) => e.preventDefault()} onClick={appendRow}>
          Ajouter une ligne à la fin
        </button>
        {caret && (
          <>
            <button
              type="button"
              className="button button--quiet"
              disabled={!editable}
              aria-keyshortcuts="Control+Enter"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => editor.chain().focus().addTypedTableRow().run()}
            >
              Insérer une ligne sous la ligne {caret.rowIndex + 1}
            </button>
            <button
              type="button"
              className="button button--quiet button--danger-text"
              disabled={!editable || caret.rowCount <= 1}
              aria-keyshortcuts="Control+Shift+Backspace"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => editor.chain().focus().deleteTypedTableRow().run()}
            >
              Supprimer la ligne {caret.rowIndex + 1}
            </button>
          </>
        )}
      </div>
      {caret && (
        <div className="typed-table__caret" onKeyDown={returnToCell}>
          <p id={labelId} className="typed-table__where">
            Ligne {caret.rowIndex + 1}, colonne « {caret.label} »{caret.hint ? ` — ${caret.hint}` : ''}.
          </p>
          {caret.options.length > 0 && (
            <div className="typed-table__values" role="group" aria-label={`Valeurs proposées pour « ${caret.label} » (Alt+Flèche bas depuis la cellule, Échap pour y revenir)`}>
              {caret.options.map((option) => (
                <button
                  key={option}
                  type="button"
                  className="typed-table__value"
                  aria-pressed={chosen === option}
                  disabled={!editable}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => editor.chain().focus().setTypedTableCell(caret.cellPos, option).run()}
                >
                  {option}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      <CellFlagList editor={editor} flags={flags} />
      <ComputedRowsList rows={rows} />
      <TableChart table={table} today={today} />
    </>
  );
}
