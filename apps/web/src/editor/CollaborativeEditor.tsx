import { DOCUMENT_FIELD } from '@canevas/core';
import { editorExtensions } from '@canevas/core/editor';
import type { AnyExtension, Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { UserIdentity } from '../identity/userIdentity.js';
import { withTypedTableEditing } from '../tables/typedTableExtensions.js';
import type { CollaborationSession } from './CollaborationSession.js';
import { EditorToolbar, type ToolbarCommand } from './EditorToolbar.js';
import { ReadOnlyCaret } from './ReadOnlyCaret.js';

interface CollaborativeEditorProps {
  session: CollaborationSession;
  identity: UserIdentity;
  /** False until the server's state has arrived, once the document is gone, and for read-only roles. */
  editable: boolean;
  /** Synced and open: commands that do not edit (commenting) may run. */
  ready: boolean;
  /**
   * Tutors and viewers: no formatting toolbar, and the text is focusable with a caret
   * (`ReadOnlyCaret`) so that the keyboard reaches it and selects a passage to comment.
   */
  readOnly?: boolean;
  /** Behaviour that adds nothing to the schema (decorations, shortcuts); fixed per session. */
  extensions?: readonly AnyExtension[];
  /** Buttons after the formatting ones. */
  commands?: readonly ToolbarCommand[];
  /** Says why a pressed command cannot run. */
  announce?: (message: string) => void;
  /** The editor, for what lives beside it (the completeness panel jumps to passages). */
  onEditor?: (editor: Editor | null) => void;
}

export function CollaborativeEditor({ session, identity, editable, ready, readOnly = false, extensions = [], commands, announce, onEditor }: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...withTypedTableEditing(editorExtensions()),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user: identity }),
        ...(readOnly ? [ReadOnlyCaret] : []),
        ...extensions,
      ],
      editable: false,
      // ProseMirror's stylesheets are imported in main.tsx: an injected <style> breaks the CSP.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: 'document-editor',
          class: 'editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Contenu du document',
          ...(readOnly ? { tabindex: '0', 'aria-readonly': 'true' } : {}),
        },
      },
    },
    [session, readOnly],
  );

  useEffect(() => {
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    editor?.commands.updateUser({ name: identity.name, color: identity.color });
  }, [editor, identity.name, identity.color]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return null;
  return (
    <div className="editor">
      <EditorToolbar editor={editor} disabled={!editable} ready={ready} readOnly={readOnly} commands={commands} announce={announce} />
      <EditorContent editor={editor} />
    </div>
  );
}
