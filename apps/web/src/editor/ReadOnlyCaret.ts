import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** A change of the text made here; changes from the shared document (y-sync) are not. */
export function isLocalContentChange(tr: Transaction): boolean {
  return tr.docChanged && !tr.getMeta(ySyncPluginKey);
}

/**
 * A caret for those who read but may not write (tutors, viewers). A view that ProseMirror keeps
 * read-only is `contenteditable="false"`: the browser draws no caret there, so Shift+Arrow
 * selects nothing and a keyboard-only tutor cannot pick a passage to comment.
 *
 * ProseMirror still sees a read-only view (`editor.isEditable` stays false: no formatting, no
 * table buttons, no key bindings that edit), but the element is made `contenteditable="true"` so
 * that the browser moves a caret and extends a selection, which the view reads back as it reads a
 * mouse selection. Nothing typed may change the text: every `beforeinput` (typing, Enter, delete,
 * paste, drop, undo, Ctrl+B…) is cancelled, and any local change that still gets through (an IME
 * composition cannot be cancelled) is refused by `filterTransaction`, after which ProseMirror
 * redraws its DOM from the unchanged state. Changes from the others (y-sync) always pass. The
 * server drops a tutor's content updates anyway; this keeps the tutor's own view from diverging.
 */
export const ReadOnlyCaret = Extension.create({
  name: 'readOnlyCaret',

  addProseMirrorPlugins() {
    return [readOnlyCaretPlugin()];
  },
});

export function readOnlyCaretPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('readOnlyCaret'),
    filterTransaction: (tr) => !isLocalContentChange(tr),
    props: {
      attributes: { spellcheck: 'false' },
      handleDOMEvents: {
        beforeinput: refuse,
        drop: refuse,
        paste: refuse,
      },
    },
    view(view) {
      showCaret(view);
      return { update: showCaret };
    },
  });
}

function refuse(_view: EditorView, event: Event): boolean {
  event.preventDefault();
  return true;
}

/**
 * ProseMirror writes `contenteditable` only when its own value changes (never, for a view that
 * stays read-only), so setting it after each update keeps it; its observer ignores the root's
 * attributes.
 */
function showCaret(view: EditorView): void {
  if (!view.editable && view.dom.getAttribute('contenteditable') !== 'true') view.dom.setAttribute('contenteditable', 'true');
}
