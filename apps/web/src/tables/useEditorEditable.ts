import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

/**
 * Whether the editor accepts edits. `setEditable` emits no transaction, so this watches the
 * attribute that ProseMirror keeps in step with it, and asks the editor: a read-only view with a
 * caret (`ReadOnlyCaret`) is `contenteditable` yet not editable.
 */
export function useEditorEditable(editor: Editor): boolean {
  const [editable, setEditable] = useState(editor.isEditable);
  useEffect(() => {
    const dom = editor.view.dom;
    const observer = new MutationObserver(() => setEditable(editor.isEditable));
    observer.observe(dom, { attributes: true, attributeFilter: ['contenteditable'] });
    setEditable(editor.isEditable);
    return () => observer.disconnect();
  }, [editor]);
  return editable;
}
