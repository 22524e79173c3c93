import { computedRows, todayIso } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import { useMemo } from 'react';
import { TableChart } from '../charts/TableChart.js';
import { caretCellIn, sameCaret } from './caretCell.js';
import { CellFlagList } from './CellFlagList.js';
import { CellHelper } from './CellHelper.js';
import { cellFlagsOf, type CellFlag } from './cellValidation.js';
import { ComputedRowsList } from './ComputedRowsList.js';
import { readTableNode } from './readTableNode.js';
import { RowButtons } from './RowButtons.js';
import { useEditorEditable } from './useEditorEditable.js';

interface TypedTablePanelProps {
  editor: Editor;
  node: ProseMirrorNode;
  getPos: () => number | undefined;
}

function sameFlags(a: CellFlag[], b: CellFlag[] | null): boolean {
  return b !== null && a.length === b.length && a.every((flag, i) => flag.id === b[i]!.id && flag.message === b[i]!.message);
}

/**
 * Under a typed table: the row buttons and the cell helper (for those who may edit), the
 * invalid cells in words, the computed rows and the chart — all drawn from the live node,
 * none stored in the document.
 */
export function TypedTablePanel({ editor, node, getPos }: TypedTablePanelProps) {
  const today = todayIso();
  const table = readTableNode(node);
  const rows = useMemo(() => computedRows(table, today), [table, today]);
  const editable = useEditorEditable(editor);
  const caret = useEditorState({ editor, selector: ({ editor: current }) => caretCellIn(current.state, getPos()), equalityFn: sameCaret });
  const flags = useEditorState({ editor, selector: ({ editor: current }) => cellFlagsOf(current.state, getPos()), equalityFn: sameFlags });
  return (
    <>
      {editable && <RowButtons editor={editor} getPos={getPos} caret={caret} />}
      {editable && caret && <CellHelper editor={editor} caret={caret} />}
      <CellFlagList editor={editor} flags={flags} />
      <ComputedRowsList rows={rows} />
      <TableChart table={table} today={today} />
    </>
  );
}
