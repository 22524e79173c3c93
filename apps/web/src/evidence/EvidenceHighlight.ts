import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EvidenceHighlightRange } from './evidenceHighlights.js';

export interface EvidenceHighlightOptions {
  /**
   * The passages to highlight in the current document, resolved from the content Y.Doc. Called
   * when asked to refresh and after each remote change, when the Y.Doc and the editor agree.
   */
  highlights: (docSize: number) => EvidenceHighlightRange[];
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    evidenceHighlight: {
      /** Rebuilds the highlights (links or labels changed). */
      refreshEvidenceHighlights: () => ReturnType;
    };
  }
}

export const evidenceHighlightKey = new PluginKey<DecorationSet>('evidenceHighlight');

const REFRESH = 'refresh';

function decorations(doc: ProseMirrorNode, ranges: EvidenceHighlightRange[]): DecorationSet {
  const list: Decoration[] = [];
  for (const range of ranges) {
    const codes = range.codes.join(' · ');
    list.push(
      Decoration.inline(range.from, range.to, {
        class: 'evidence-highlight',
        'data-evidence': codes,
        title: `Preuve pour ${codes}`,
      }),
      // The codes are drawn by CSS after the passage's last character (`::after`), not by a
      // widget: a non-editable node at the end of a line breaks End, Home and the caret in Chrome.
      Decoration.inline(range.to - 1, range.to, { class: 'evidence-end', 'data-evidence': codes }),
    );
  }
  return DecorationSet.create(doc, list);
}

/** y-tiptap replaces the whole document on a remote change: mapping would lose every highlight. */
function isRemoteChange(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/**
 * Evidence passages as ProseMirror decorations: a quiet highlight and a small label with the
 * criteria's codes after it. Nothing is written to the document. Local edits map the highlights;
 * remote edits and link changes rebuild them from the anchors.
 */
export const EvidenceHighlight = Extension.create<EvidenceHighlightOptions>({
  name: 'evidenceHighlight',

  addOptions() {
    return { highlights: () => [] };
  },

  addCommands() {
    return {
      refreshEvidenceHighlights:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(evidenceHighlightKey, REFRESH);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { highlights } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: evidenceHighlightKey,
        state: {
          // The Y.Doc is bound to the editor after init: the first remote render fills this in.
          init: () => DecorationSet.empty,
          apply(tr, set, _oldState, newState) {
            if (tr.getMeta(evidenceHighlightKey) === REFRESH || isRemoteChange(tr)) {
              return decorations(newState.doc, highlights(newState.doc.content.size));
            }
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => evidenceHighlightKey.getState(state),
        },
      }),
    ];
  },
});
