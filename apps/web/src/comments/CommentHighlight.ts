import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CommentHighlightRange } from './commentHighlights.js';

export interface CommentHighlightOptions {
  /** The commented passages in the current document, resolved from the content Y.Doc. */
  highlights: (docSize: number) => CommentHighlightRange[];
  /** A click inside a commented passage: its threads, for the panel to show. */
  onActivate: (threadIds: string[]) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlight: {
      /** Rebuilds the highlights (threads or the active thread changed). */
      refreshCommentHighlights: () => ReturnType;
    };
  }
}

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlight');

const REFRESH = 'refresh';

function decorations(doc: ProseMirrorNode, ranges: CommentHighlightRange[]): DecorationSet {
  return DecorationSet.create(
    doc,
    ranges.map((range) =>
      Decoration.inline(
        range.from,
        range.to,
        {
          class: range.active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
          'data-thread-ids': range.threadIds.join(' '),
          title: range.threadIds.length === 1 ? 'Passage commenté' : `Passage commenté (${range.threadIds.length} fils)`,
        },
        { threadIds: range.threadIds },
      ),
    ),
  );
}

function isRemoteChange(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/**
 * Commented passages as ProseMirror decorations, quieter than evidence (a dotted underline and a
 * light tint); nothing is written to the document. Works read-only too: tutors comment without
 * editing. Local edits map the highlights; remote edits and thread changes rebuild them.
 */
export const CommentHighlight = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlight',

  addOptions() {
    return { highlights: () => [], onActivate: () => {} };
  },

  addCommands() {
    return {
      refreshCommentHighlights:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightKey, REFRESH);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { highlights, onActivate } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set, _oldState, newState) {
            if (tr.getMeta(commentHighlightKey) === REFRESH || isRemoteChange(tr)) {
              return decorations(newState.doc, highlights(newState.doc.content.size));
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state),
          handleClick(view, pos) {
            const found = commentHighlightKey.getState(view.state)?.find(pos, pos) ?? [];
            const threadIds = found.flatMap((decoration) => (decoration.spec as { threadIds?: string[] }).threadIds ?? []);
            // Selecting text inside a passage is not a click on it.
            if (threadIds.length > 0 && view.state.selection.empty) onActivate(threadIds);
            return false;
          },
        },
      }),
    ];
  },
});
