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

  const heading = (level: number) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: `N${level}` }] });
  const levels = (blocks: ReturnType<typeof proseMirrorToBlocks>) => blocks.map((block) => (block.kind === 'heading' ? block.level : 0));

  it('moves headings down in a dossier chapter, never below level 6', () => {
    const blocks = proseMirrorToBlocks({ type: 'doc', content: [1, 2, 3, 4, 5, 6].map(heading) }, { today, headingOffset: 1 });
    expect(levels(blocks)).toEqual([2, 3, 4, 5, 6, 6]);
  });

  it('starts the outline at level 1 when authors start at « Titre 2 »', () => {
    const blocks = proseMirrorToBlocks({ type: 'doc', content: [heading(2), heading(3), heading(2)] }, { today });
    expect(levels(blocks)).toEqual([1, 2, 1]);
  });

  it('never lets a heading sit more than one level under the one before it', () => {
    const blocks = proseMirrorToBlocks({ type: 'doc', content: [heading(3), heading(1), heading(4), heading(6), heading(2)] }, { today });
    expect(levels(blocks)).toEqual([1, 1, 2, 3, 2]);
  });

  it('counts headings nested in a quote in the same outline', () => {
    const [first, quote] = proseMirrorToBlocks({ type: 'doc', content: [heading(2), { type: 'blockquote', content: [heading(4)] }] }, { today });
    expect(levels([first!])).toEqual([1]);
    expect(quote).toMatchObject({ kind: 'quote', blocks: [{ kind: 'heading', level: 2 }] });
  });

  it('drops a dangerous link address but keeps its text', () => {
    const [block] = proseMirrorToBlocks(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
      { today },
    );
    expect(block).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'clic', marks: {} }] });
  });
});
