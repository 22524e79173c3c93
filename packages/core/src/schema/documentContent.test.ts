import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proseMirrorJSONToUpdate } from './documentContent.js';
import { yDocToProseMirrorJSON } from './readDocumentBody.js';

describe('document content', () => {
  it('round-trips ProseMirror JSON through a Yjs update', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Objectifs' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Mobiliser le territoire.' }] },
      ],
    };
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, proseMirrorJSONToUpdate(json));
    const back = yDocToProseMirrorJSON(ydoc);
    expect(back.content?.[0]?.type).toBe('heading');
    expect(back.content?.[0]?.attrs?.level).toBe(2);
    expect(back.content?.[1]?.content?.[0]?.text).toBe('Mobiliser le territoire.');
  });
});
