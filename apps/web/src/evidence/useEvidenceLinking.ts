import { createAnchor, readEvidenceLinks, resolveEvidenceLinks, type Anchor, type ReferentialManifest } from '@canevas/core';
import type { AnyExtension, Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import type { ToolbarCommand } from '../editor/EditorToolbar.js';
import { EvidenceHighlight } from './EvidenceHighlight.js';
import { evidenceHighlights } from './evidenceHighlights.js';
import type { EvidenceSnapshot } from './LiveEvidence.js';
import { LINK_EVIDENCE_SHORTCUT, LinkEvidenceShortcut } from './LinkEvidenceShortcut.js';
import { selectedPassage } from './selectedPassage.js';

export const LINK_EVIDENCE_LABEL = 'Lier à un critère';

interface EvidenceLinking {
  /** For the editor: highlights and the keyboard shortcut (fixed per session). */
  extensions: AnyExtension[];
  /** « Lier à un critère », for the toolbar; none when the document has no referential. */
  commands: ToolbarCommand[];
  /** The passage waiting for its criteria while the dialog is open. */
  pending: Anchor | null;
  close: () => void;
}

/** A node's code for labels, or its label when it has none. */
export function nodeCodes(manifest: ReferentialManifest | null): (nodeId: string) => string {
  const codes = new Map(manifest?.nodes.map((node) => [node.id, node.code ?? node.label]) ?? []);
  return (nodeId) => codes.get(nodeId) ?? nodeId;
}

/**
 * Evidence in the editor: highlights of linked passages (rebuilt when links or labels change) and
 * the command that opens « Lier à un critère » on the selected passage.
 */
export function useEvidenceLinking(
  session: CollaborationSession,
  editor: Editor | null,
  evidence: EvidenceSnapshot | null,
  manifest: ReferentialManifest | null,
): EvidenceLinking {
  const [pending, setPending] = useState<Anchor | null>(null);
  const codeOf = useRef(nodeCodes(manifest));
  const open = useRef<(editor: Editor) => boolean>(() => false);
  const editorRef = useRef<Editor | null>(null);
  editorRef.current = editor;

  open.current = (current) => {
    if (!manifest || !current.isEditable) return false;
    const passage = selectedPassage(current.state);
    if (!passage) return false;
    // The editor and the Y.Doc agree between transactions: positions map one to one.
    setPending(createAnchor(session.doc, passage.from, passage.to));
    return true;
  };

  const extensions = useMemo(() => {
    const { reviewDoc } = session;
    if (!reviewDoc) return [];
    return [
      EvidenceHighlight.configure({
        highlights: (docSize) =>
          evidenceHighlights(resolveEvidenceLinks(session.doc, readEvidenceLinks(reviewDoc)), (id) => codeOf.current(id), docSize),
      }),
      LinkEvidenceShortcut.configure({ onLink: () => (editorRef.current ? open.current(editorRef.current) : false) }),
    ];
    // Built once per session (the editor keeps its extensions); the refs carry what changes.
  }, [session]);

  useEffect(() => {
    codeOf.current = nodeCodes(manifest);
    if (editor && !editor.isDestroyed) editor.commands.refreshEvidenceHighlights();
  }, [editor, manifest, evidence]);

  const commands = useMemo<ToolbarCommand[]>(
    () =>
      manifest && session.reviewDoc
        ? [
            {
              label: LINK_EVIDENCE_LABEL,
              shortcut: { aria: LINK_EVIDENCE_SHORTCUT.aria, label: LINK_EVIDENCE_SHORTCUT.label },
              unavailableReason: (current) =>
                selectedPassage(current.state) ? null : 'Sélectionnez un passage pour le lier à un critère',
              run: (current) => {
                open.current(current);
              },
            },
          ]
        : [],
    [manifest, session],
  );

  const close = useCallback(() => setPending(null), []);
  return { extensions, commands, pending, close };
}
