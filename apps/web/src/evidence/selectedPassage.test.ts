import { documentSchema } from '@canevas/core/editor';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { selectedPassage } from './selectedPassage.js';

const doc = documentSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Le diagnostic' }] },
    { type: 'paragraph' },
    { type: 'paragraph', content: [{ type: 'text', text: '   ' }] },
  ],
});

function select(from: number, to: number) {
  return EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
}

describe('selectedPassage', () => {
  it('returns a selection that holds text', () => {
    expect(selectedPassage(select(4, 14))).toEqual({ from: 4, to: 14 });
    // From the end of the text across the empty paragraph: still some text.
    expect(selectedPassage(select(1, 17))).toEqual({ from: 1, to: 17 });
  });

  it('refuses a caret, an empty paragraph or blanks only', () => {
    expect(selectedPassage(select(4, 4))).toBeNull();
    expect(selectedPassage(select(14, 17))).toBeNull();
    expect(selectedPassage(select(18, 21))).toBeNull();
  });
});
