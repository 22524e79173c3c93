import { describe, expect, it } from 'vitest';
import { proseMirrorToBlocks } from './proseMirrorToBlocks.js';

const today = '2026-06-15';

describe('proseMirrorToBlocks', () => {
  it('keeps the text of a node it does not know instead of dropping it', () => {
    const blocks = proseMirrorToBlocks(
      { type: 'doc', content: [{ type: 'calloutFromAPlugin', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'À garder' }] }] }] },
      { today },
    );
    expect(blocks).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'À garder', marks: {} }] }]);
  });

  it('moves headings down in a dossier chapter, never below level 6', () => {
    const heading = (level: number) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: `N${level}` }] });
    const blocks = proseMirrorToBlocks({ type: 'doc', content: [heading(1), heading(6)] }, { today, headingOffset: 1 });
    expect(blocks.map((block) => (block.kind === 'heading' ? block.level : 0))).toEqual([2, 6]);
  });

  it('drops a dangerous link address but keeps its text', () => {
    const [block] = proseMirrorToBlocks(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
      { today },
    );
    expect(block).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'clic', marks: {} }] });
  });
});
