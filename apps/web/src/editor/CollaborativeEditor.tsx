import { DOCUMENT_FIELD, editorExtensions } from '@canevas/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { UserIdentity } from '../identity/userIdentity.js';
import type { CollaborationSession } from './CollaborationSession.js';
import { EditorToolbar } from './EditorToolbar.js';

interface CollaborativeEditorProps {
  session: CollaborationSession;
  identity: UserIdentity;
  /** False until the server's state has arrived, and once the document is gone. */
  editable: boolean;
}

export function CollaborativeEditor({ session, identity, editable }: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user: identity }),
      ],
      editable: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: 'document-editor',
          class: 'editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Contenu du document',
        },
      },
    },
    [session],
  );

  useEffect(() => {
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    editor?.commands.updateUser({ name: identity.name, color: identity.color });
  }, [editor, identity.name, identity.color]);

  if (!editor) return null;
  return (
    <div className="editor">
      <EditorToolbar editor={editor} disabled={!editable} />
      <EditorContent editor={editor} />
    </div>
  );
}
