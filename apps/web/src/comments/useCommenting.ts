import { createAnchor, readThreads, resolveAnchor, resolveAnchors, type Anchor, type StoredThread } from '@canevas/core';
import type { AnyExtension, Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { ToolbarCommand } from '../editor/EditorToolbar.js';
import { selectedPassage } from '../evidence/selectedPassage.js';
import { CommentHighlight } from './CommentHighlight.js';
import { commentHighlights } from './commentHighlights.js';
import type { ThreadsSnapshot } from './LiveThreads.js';

export const COMMENT_LABEL = 'Commenter';

/** Google Docs' key for a comment; the editor's own keymap does not run on a read-only view. */
export const COMMENT_SHORTCUT = { aria: 'Control+Alt+M', label: 'Ctrl+Alt+M' } as const;

/** Why « Commenter » cannot run without a passage: said, never silent (keyboard users included). */
export const NO_PASSAGE_TO_COMMENT = `Sélectionnez d’abord un passage à commenter : à la souris, ou au clavier avec Maj + flèches, puis ${COMMENT_SHORTCUT.label}.`;

/** Why a viewer's Ctrl+Alt+M does nothing. */
export const CANNOT_COMMENT = 'En tant que lecteur, vous pouvez lire ce document mais pas le commenter.';

/** What a new thread is about: a passage, a criterion, or both (the dialog may add the criterion). */
export interface CommentTarget {
  anchor?: Anchor;
  nodeId?: string;
}

export interface Commenting {
  /** For the editor: the highlights of commented passages (fixed per session). */
  extensions: AnyExtension[];
  /** « Commenter », for the toolbar; none for those who cannot comment. */
  commands: ToolbarCommand[];
  /** The target waiting for its words while the dialog is open. */
  pending: CommentTarget | null;
  commentOnCriterion: (nodeId: string) => void;
  close: () => void;
  /** The thread shown as chosen, in the panel and in the text. */
  activeThreadId: string | null;
  setActiveThreadId: (id: string | null) => void;
  /** Selects the thread's passage and scrolls to it; false when the passage was deleted. */
  jumpTo: (thread: StoredThread) => boolean;
}

function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.shiftKey && !event.metaKey && event.key.toLowerCase() === 'm';
}

/** The editor holds the reader's selection: focused, or (read-only) the page's selection lies in it. */
function selectionIsInEditor(view: EditorView): boolean {
  if (view.hasFocus()) return true;
  const node = document.getSelection()?.anchorNode;
  return node != null && view.dom.contains(node);
}

/**
 * A read-only view draws a selection only when it owns the page's: set it on the DOM too, so that
 * a tutor sees the passage a thread is about (the view reads it back as its own selection).
 */
function selectInDom(view: EditorView, from: number, to: number): void {
  const start = view.domAtPos(from);
  const end = view.domAtPos(to);
  document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
}

/**
 * Comments in the editor: highlights of commented passages (open threads, and the chosen one),
 * « Commenter » with its shortcut on the selected passage, and jumping to a thread's passage.
 */
export function useCommenting(
  session: CollaborationSession,
  editor: Editor | null,
  threads: ThreadsSnapshot | null,
  canComment: boolean,
  /** Says (politely, to screen readers too) why the shortcut did nothing. */
  announce: (message: string) => void,
): Commenting {
  const [pending, setPending] = useState<CommentTarget | null>(null);
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const active = useRef<string | null>(null);
  active.current = activeThreadId;

  const open = useCallback(
    (current: Editor): boolean => {
      if (!canComment || !session.reviewDoc) return false;
      const passage = selectedPassage(current.state);
      if (!passage) return false;
      // The editor and the Y.Doc agree between transactions: positions map one to one.
      setPending({ anchor: createAnchor(session.doc, passage.from, passage.to) });
      return true;
    },
    [canComment, session],
  );

  const extensions = useMemo(() => {
    const { reviewDoc } = session;
    if (!reviewDoc) return [];
    return [
      CommentHighlight.configure({
        highlights: (docSize) =>
          commentHighlights(
            resolvedForHighlights(session.doc, readThreads(reviewDoc)),
            active.current,
            docSize,
          ),
        onActivate: (threadIds) => setActiveThreadId(threadIds[0] ?? null),
      }),
    ];
    // Built once per session (the editor keeps its extensions); the ref carries the active thread.
  }, [session]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.refreshCommentHighlights();
  }, [editor, threads, activeThreadId]);

  useEffect(() => {
    if (!editor || !session.reviewDoc) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || editor.isDestroyed || !selectionIsInEditor(editor.view)) return;
      event.preventDefault();
      if (!canComment) announce(CANNOT_COMMENT);
      else if (!open(editor)) announce(NO_PASSAGE_TO_COMMENT);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, session, canComment, open, announce]);

  const commands = useMemo<ToolbarCommand[]>(
    () =>
      canComment && session.reviewDoc
        ? [
            {
              label: COMMENT_LABEL,
              shortcut: COMMENT_SHORTCUT,
              readOnlySafe: true,
              unavailableReason: (current) => (selectedPassage(current.state) ? null : NO_PASSAGE_TO_COMMENT),
              run: (current) => {
                open(current);
              },
            },
          ]
        : [],
    [canComment, session, open],
  );

  const jumpTo = useCallback(
    (thread: StoredThread): boolean => {
      setActiveThreadId(thread.id);
      if (!editor || editor.isDestroyed || !thread.anchor) return false;
      const resolution = resolveAnchor(session.doc, thread.anchor);
      if (resolution.status !== 'attached') return false;
      const { from, to } = resolution;
      if (editor.isEditable) {
        editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
      } else {
        editor.view.dom.focus({ preventScroll: true });
        editor.chain().setTextSelection({ from, to }).scrollIntoView().run();
        selectInDom(editor.view, from, to);
      }
      return true;
    },
    [editor, session],
  );

  return {
    extensions,
    commands,
    pending,
    commentOnCriterion: useCallback((nodeId: string) => setPending({ nodeId }), []),
    close: useCallback(() => setPending(null), []),
    activeThreadId,
    setActiveThreadId,
    jumpTo,
  };
}

/** Fresh positions at each rebuild (the live snapshot may lag typing), one document scan for all. */
function resolvedForHighlights(doc: Y.Doc, threads: readonly StoredThread[]) {
  const resolutions = resolveAnchors(doc, threads.map((thread) => thread.anchor));
  return threads.map((thread, index) => ({ id: thread.id, resolved: thread.resolved, resolution: resolutions[index] ?? null }));
}
