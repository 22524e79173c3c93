import { createAnchor, resolveAnchor, type ResolvedEvidenceLink } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { apiErrorMessage, isNotFound } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import type { CollaborationSession } from '../editor/CollaborationSession.js';
import { shortQuote } from '../ui/shortQuote.js';
import { selectedPassage } from './selectedPassage.js';

/** What one can do with a link from the completeness panel. */
export interface EvidenceActions {
  /** Selects the passage in the editor and scrolls to it. */
  jumpTo: (link: ResolvedEvidenceLink) => void;
  /** Asks for confirmation first (see `pendingRemoval`). */
  requestRemoval: (link: ResolvedEvidenceLink) => void;
  /** Re-attaches the link to the editor's selected passage. */
  reattach: (link: ResolvedEvidenceLink) => void;
  /** Why re-attaching is impossible now, or null. */
  reattachUnavailable: string | null;
  /** Links with a request in flight. */
  busy: ReadonlySet<string>;
  /** Owners and editors change links; the others only read them. */
  canChange: boolean;
}

interface UseEvidenceActionsOptions {
  session: CollaborationSession;
  editor: Editor | null;
  documentId: string;
  codeOf: (nodeId: string) => string;
  announce: (message: string) => void;
  canChange: boolean;
}

export interface EvidenceActionsState {
  actions: EvidenceActions;
  pendingRemoval: ResolvedEvidenceLink | null;
  confirmRemoval: () => void;
  cancelRemoval: () => void;
  /** The last failure, in French, until dismissed or the next success. */
  error: string | null;
  dismissError: () => void;
}

export function useEvidenceActions({ session, editor, documentId, codeOf, announce, canChange }: UseEvidenceActionsOptions): EvidenceActionsState {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [pendingRemoval, setPendingRemoval] = useState<ResolvedEvidenceLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hasPassage = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? current.isEditable && selectedPassage(current.state) !== null : false),
  });

  async function run(link: ResolvedEvidenceLink, request: () => Promise<unknown>, success: string): Promise<void> {
    setBusy((current) => new Set(current).add(link.id));
    try {
      await request();
      setError(null);
      announce(success);
    } catch (failure) {
      const message = isNotFound(failure) ? 'Ce lien n’existe plus : quelqu’un l’a déjà retiré.' : apiErrorMessage(failure);
      setError(message);
    } finally {
      setBusy((current) => {
        const next = new Set(current);
        next.delete(link.id);
        return next;
      });
    }
  }

  const actions: EvidenceActions = {
    jumpTo(link) {
      const resolution = resolveAnchor(session.doc, link.anchor);
      if (!editor || resolution.status !== 'attached') {
        announce('Ce passage a été supprimé : le lien est détaché.');
        return;
      }
      editor.chain().focus().setTextSelection({ from: resolution.from, to: resolution.to }).scrollIntoView().run();
    },
    requestRemoval: setPendingRemoval,
    reattach(link) {
      const passage = editor ? selectedPassage(editor.state) : null;
      if (!passage || busy.has(link.id)) return;
      const anchor = createAnchor(session.doc, passage.from, passage.to);
      void run(
        link,
        () => trpc.evidence.reattach.mutate({ documentId, id: link.id, anchor }),
        `Le lien ${codeOf(link.nodeId)} est rattaché au passage « ${shortQuote(anchor.quote.exact)} ».`,
      );
    },
    reattachUnavailable: hasPassage ? null : 'Sélectionnez d’abord le nouveau passage dans le document.',
    busy,
    canChange,
  };

  return {
    actions,
    pendingRemoval,
    confirmRemoval() {
      const link = pendingRemoval;
      if (!link) return;
      setPendingRemoval(null);
      void run(
        link,
        () => trpc.evidence.remove.mutate({ documentId, id: link.id }),
        `Le lien ${codeOf(link.nodeId)} a été retiré.`,
      );
    },
    cancelRemoval: () => setPendingRemoval(null),
    error,
    dismissError: () => setError(null),
  };
}
