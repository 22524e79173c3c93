import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Mapping } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { diffMapping } from './diffMapping.js';
import type { EvidenceHighlightRange } from './evidenceHighlights.js';

export interface EvidenceHighlightOptions {
  /**
   * The passages to highlight in the current document, resolved from the content Y.Doc. Called
   * on refresh and on the first render of the server's content, when the Y.Doc and the editor
   * agree.
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

interface HighlightState {
  set: DecorationSet;
  /** False until the document first arrived from the server. */
  built: boolean;
}

export const evidenceHighlightKey = new PluginKey<HighlightState>('evidenceHighlight');

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

/** y-tiptap replaces the whole document on a remote change: its own mapping loses every highlight. */
function isRemoteChange(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/**
 * Evidence passages as ProseMirror decorations: a quiet highlight and a small label with the
 * criteria's codes after it. Nothing is written to the document. Edits map the highlights; new,
 * removed or re-attached links and changed passages rebuild them from the anchors.
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
    const build = (doc: ProseMirrorNode): HighlightState => ({ set: decorations(doc, highlights(doc.content.size)), built: true });
    return [
      new Plugin<HighlightState>({
        key: evidenceHighlightKey,
        state: {
          // The Y.Doc is bound to the editor after init: the first remote render builds the set.
          init: () => ({ set: DecorationSet.empty, built: false }),
          apply(tr, state, oldState, newState) {
            if (tr.getMeta(evidenceHighlightKey) === REFRESH) return build(newState.doc);
            if (!tr.docChanged) return state;
            if (!isRemoteChange(tr)) return { ...state, set: state.set.map(tr.mapping, tr.doc) };
            if (!state.built) return build(newState.doc);
            // Resolving every anchor on each remote keystroke costs a pass over the document;
            // mapping through the actual change is exact, and LiveEvidence refreshes statuses.
            const mapping = diffMapping(oldState.doc, newState.doc);
            return mapping ? { ...state, set: state.set.map(new Mapping([mapping]), newState.doc) } : state;
          },
        },
        props: {
          decorations: (state) => evidenceHighlightKey.getState(state)?.set,
        },
      }),
    ];
  },
});
