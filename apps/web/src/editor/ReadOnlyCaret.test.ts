import { Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { readOnlyCaretPlugin } from './ReadOnlyCaret.js';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });

function readOnlyState(): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Texte de la candidate')])]);
  return EditorState.create({ doc, plugins: [readOnlyCaretPlugin()] });
}

describe('readOnlyCaretPlugin', () => {
  it('refuses a local change of the text, whatever made it', () => {
    const state = readOnlyState();
    expect(state.apply(state.tr.insertText('Tuteur ', 1)).doc.eq(state.doc)).toBe(true);
    expect(state.apply(state.tr.delete(1, 6)).doc.eq(state.doc)).toBe(true);
  });

  it('lets the caret and the selection move', () => {
    const state = readOnlyState();
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 6)));
    expect(next.selection.from).toBe(1);
    expect(next.selection.to).toBe(6);
  });

  it('mirrors the others’ changes from the shared document', () => {
    const state = readOnlyState();
    const remote = state.tr.insertText('Relu. ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.apply(remote).doc.textContent).toBe('Relu. Texte de la candidate');
  });
});
