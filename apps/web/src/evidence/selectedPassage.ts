import type { EditorState } from '@tiptap/pm/state';

/** The selected range when it holds some text (an anchor needs text), else null. */
export function selectedPassage(state: EditorState): { from: number; to: number } | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  return state.doc.textBetween(from, to, ' ').trim() === '' ? null : { from, to };
}
