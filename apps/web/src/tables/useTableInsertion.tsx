import type { ReferentialManifest } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ToolbarCommand } from '../editor/EditorToolbar.js';
import { actionPlanPhases, insertableTables, type InsertableChoice } from './insertableTables.js';
import { InsertTableDialog } from './InsertTableDialog.js';

export const INSERT_TABLE_LABEL = 'Insérer un tableau';

/**
 * The toolbar's « Insérer un tableau » and its dialog. The action plan takes the phases of the
 * document's referential when it has an action-plan template (TZCLD), generic ones otherwise.
 */
export function useTableInsertion(manifest: ReferentialManifest | null): { command: ToolbarCommand; dialog: ReactNode } {
  const [editor, setEditor] = useState<Editor | null>(null);
  const choices = useMemo(() => insertableTables(actionPlanPhases(manifest)), [manifest]);
  const command = useMemo<ToolbarCommand>(
    () => ({ label: INSERT_TABLE_LABEL, unavailableReason: () => null, run: (current) => setEditor(current) }),
    [],
  );
  const close = useCallback(() => setEditor(null), []);
  const choose = useCallback(
    (choice: InsertableChoice) => {
      const target = editor;
      setEditor(null);
      if (!target || target.isDestroyed) return;
      target.commands.insertTypedTable(choice.table);
      // The dialog gives the focus back to the toolbar as it closes; then the new table's first cell takes it.
      setTimeout(() => {
        if (!target.isDestroyed) target.commands.focus();
      }, 0);
    },
    [editor],
  );
  const dialog = editor ? <InsertTableDialog choices={choices} onChoose={choose} onCancel={close} /> : null;
  return { command, dialog };
}
