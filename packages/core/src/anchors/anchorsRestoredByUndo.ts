import type * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../schema/documentField.js';
import type { Anchor } from './Anchor.js';
import { createAnchor } from './createAnchor.js';
import { flattenDocument, type FlatDocument } from './flattenDocument.js';
import { resolveAnchor, resolveAnchorFollowingUndo } from './resolveAnchor.js';

/**
 * For each anchor whose passage this client's undo restored, a new anchor on the restored text;
 * null for the others. An anchor resolves the same on every replica, so after an undo the
 * restored text is new content that no anchor points to: the link stays détaché for everybody
 * (and for the undoing tab too) until the undoing client, the only one that knows which text the
 * undo brought back, re-anchors the link through the server. Then every peer, the server and the
 * exports see it attached again.
 */
export function anchorsRestoredByUndo(ydoc: Y.Doc, anchors: readonly Anchor[], field = DOCUMENT_FIELD): (Anchor | null)[] {
  let flat: FlatDocument | undefined;
  return anchors.map((anchor) => {
    flat ??= flattenDocument(ydoc.getXmlFragment(field));
    const local = resolveAnchorFollowingUndo(ydoc, anchor, field, flat);
    if (local.status !== 'attached') return null;
    const shared = resolveAnchor(ydoc, anchor, field, flat);
    if (shared.status === 'attached' && shared.from === local.from && shared.to === local.to) return null;
    return createAnchor(ydoc, local.from, local.to, field);
  });
}
