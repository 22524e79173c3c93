import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useRef, useState, type KeyboardEvent } from 'react';
import { LinkDialog } from './LinkDialog.js';

interface ToolbarAction {
  label: string;
  shortcut?: string;
  className: string;
  isActive: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const ACTIONS: ToolbarAction[] = [
  {
    label: 'Gras',
    shortcut: 'Control+B',
    className: 'toolbar__button--bold',
    isActive: (editor) => editor.isActive('bold'),
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    label: 'Italique',
    shortcut: 'Control+I',
    className: 'toolbar__button--italic',
    isActive: (editor) => editor.isActive('italic'),
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    label: 'Titre 2',
    shortcut: 'Control+Alt+2',
    className: '',
    isActive: (editor) => editor.isActive('heading', { level: 2 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    label: 'Titre 3',
    shortcut: 'Control+Alt+3',
    className: '',
    isActive: (editor) => editor.isActive('heading', { level: 3 }),
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    label: 'Liste à puces',
    shortcut: 'Control+Shift+8',
    className: '',
    isActive: (editor) => editor.isActive('bulletList'),
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    label: 'Liste numérotée',
    shortcut: 'Control+Shift+7',
    className: '',
    isActive: (editor) => editor.isActive('orderedList'),
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
];

/** A toolbar button that runs a command rather than toggling a format (no pressed state). */
export interface ToolbarCommand {
  label: string;
  shortcut?: { aria: string; label: string };
  /** Why the command cannot run now (shown as its title), or null when it can. */
  unavailableReason: (editor: Editor) => string | null;
  /** Runs on a read-only editor too (commenting does not touch the text). */
  readOnlySafe?: boolean;
  run: (editor: Editor) => void;
}

interface EditorToolbarProps {
  editor: Editor;
  /** The text cannot be edited now (not synced yet, gone, or a read-only role). */
  disabled: boolean;
  /** The document is synced and open: read-only-safe commands may run. */
  ready: boolean;
  /** A read-only role: no formatting buttons at all, only the commands that work without editing. */
  readOnly?: boolean;
  /** After the formatting buttons, in the same roving focus. */
  commands?: readonly ToolbarCommand[];
  /** Says why a command that was pressed cannot run (its button is only aria-disabled). */
  announce?: (message: string) => void;
}

/** WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, aria-pressed shows the state. */
export function EditorToolbar({ editor, disabled, ready, readOnly = false, commands: allCommands = [], announce }: EditorToolbarProps) {
  const [linking, setLinking] = useState<{ current: string | null } | null>(null);
  const actions = readOnly ? [] : ACTIONS;
  const editing: ToolbarCommand[] = readOnly
    ? []
    : [
        {
          label: 'Lien',
          unavailableReason: (current) => (current.state.selection.empty && !current.isActive('link') ? 'Sélectionnez le texte à lier' : null),
          run: (current) => {
            const href: unknown = current.getAttributes('link').href;
            setLinking({ current: typeof href === 'string' ? href : null });
          },
        },
        // Yjs's undo manager (the Collaboration extension): only this person's own changes.
        {
          label: 'Annuler',
          shortcut: { aria: 'Control+Z', label: 'Ctrl+Z' },
          unavailableReason: (current) => (current.can().undo() ? null : 'Rien à annuler'),
          run: (current) => current.chain().focus().undo().run(),
        },
        {
          label: 'Rétablir',
          shortcut: { aria: 'Control+Y', label: 'Ctrl+Y' },
          unavailableReason: (current) => (current.can().redo() ? null : 'Rien à rétablir'),
          run: (current) => current.chain().focus().redo().run(),
        },
      ];
  const commands = readOnly ? allCommands.filter((command) => command.readOnlySafe) : [...editing, ...allCommands];
  const pressed = useEditorState({
    editor,
    selector: ({ editor: current }) => actions.map((action) => action.isActive(current)),
    equalityFn: sameValues,
  });
  const unavailable = useEditorState({
    editor,
    selector: ({ editor: current }) => commands.map((command) => command.unavailableReason(current)),
    equalityFn: sameValues,
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = actions.length + commands.length;

  function moveFocus(index: number): void {
    const next = (index + count) % count;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveFocus(target);
  }

  if (count === 0) return null;
  return (
    <>
      <div
        role="toolbar"
        aria-label={readOnly ? 'Relecture' : 'Mise en forme'}
        aria-controls="document-editor"
        className="toolbar"
        onKeyDown={handleKeyDown}
      >
        {actions.map((action, index) => (
          <button
            key={action.label}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`toolbar__button ${action.className}`}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-pressed={pressed[index] ?? false}
            aria-keyshortcuts={action.shortcut}
            aria-disabled={disabled || undefined}
            onFocus={() => setFocusIndex(index)}
            // Keep the editor's selection: a mouse click would otherwise blur it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!disabled) action.run(editor);
            }}
          >
            {action.label}
          </button>
        ))}
        {commands.map((command, commandIndex) => {
          const index = actions.length + commandIndex;
          const blocker = command.readOnlySafe
            ? !ready && 'Le document n’est pas encore disponible.'
            : disabled && 'Le document n’est pas encore modifiable.';
          const reason = blocker || (unavailable[commandIndex] ?? null);
          const shortcut = command.shortcut ? ` (${command.shortcut.label})` : '';
          return (
            <button
              key={command.label}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="toolbar__button toolbar__button--command"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-keyshortcuts={command.shortcut?.aria}
              aria-disabled={reason !== null || undefined}
              title={reason === null ? `${command.label}${shortcut}` : `${reason}${shortcut}`}
              onFocus={() => setFocusIndex(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (reason === null) command.run(editor);
                else announce?.(/[.!?]$/.test(reason) ? reason : `${reason}.`);
              }}
            >
              {command.label}
            </button>
          );
        })}
      </div>
      {linking && (
        <LinkDialog
          current={linking.current}
          onCancel={() => {
            setLinking(null);
            editor.commands.focus();
          }}
          onApply={(href) => {
            setLinking(null);
            asOwnUndoStep(editor, () => editor.chain().focus().extendMarkRange('link').setLink({ href }).run());
          }}
          onRemove={() => {
            setLinking(null);
            asOwnUndoStep(editor, () => editor.chain().focus().extendMarkRange('link').unsetLink().run());
          }}
        />
      )}
    </>
  );
}

/**
 * Runs a change as an undo step of its own. Yjs's undo manager merges changes made within half a
 * second: a link set right after typing would otherwise be undone together with the words typed.
 */
function asOwnUndoStep(editor: Editor, change: () => void): void {
  const undoManager = yUndoPluginKey.getState(editor.state)?.undoManager as { stopCapturing: () => void } | undefined;
  undoManager?.stopCapturing();
  change();
  undoManager?.stopCapturing();
}

function sameValues<T>(a: readonly T[], b: readonly T[] | null): boolean {
  return b !== null && a.length === b.length && a.every((value, index) => value === b[index]);
}
