import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';

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

/** WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, aria-pressed shows the state. */
export function EditorToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const pressed = useEditorState({
    editor,
    selector: ({ editor: current }) => ACTIONS.map((action) => action.isActive(current)),
    equalityFn: (a, b) => b !== null && a.length === b.length && a.every((value, index) => value === b[index]),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function moveFocus(index: number): void {
    const next = (index + ACTIONS.length) % ACTIONS.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: ACTIONS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveFocus(target);
  }

  return (
    <div role="toolbar" aria-label="Mise en forme" aria-controls="document-editor" className="toolbar" onKeyDown={handleKeyDown}>
      {ACTIONS.map((action, index) => (
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
    </div>
  );
}
