import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';

/**
 * The change between two versions of a document as one replaced range, or null when they are
 * equal. y-tiptap applies each remote change as a replacement of the whole document, which
 * would drop every decoration when mapped; this narrower map keeps them where they belong.
 * Unchanged nodes are shared between the versions, so the comparison skips them quickly.
 */
export function diffMapping(before: ProseMirrorNode, after: ProseMirrorNode): StepMap | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  let endBefore = end?.a ?? before.content.size;
  let endAfter = end?.b ?? after.content.size;
  // With repeated characters the end found from the right can overlap the start: shift it right.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return new StepMap([start, endBefore - start, endAfter - start]);
}
