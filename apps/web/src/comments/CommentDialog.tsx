import type { ReferentialManifest } from '@canevas/core';
import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { criterionGroups } from '../referentials/criterionGroups.js';
import { Dialog } from '../ui/Dialog.js';
import { shortQuote } from '../ui/shortQuote.js';
import type { CommentTarget } from './useCommenting.js';
import './comments.css';

/** The server refuses longer comments. */
export const COMMENT_MAX = 5000;

interface CommentDialogProps {
  documentId: string;
  /** Taken when the dialog opened: later edits move the passage with the text. */
  target: CommentTarget;
  /** The document's referential, to pick a criterion; null for a document without one. */
  manifest: ReferentialManifest | null;
  onCreated: (threadId: string) => void;
  onCancel: () => void;
}

/** « Commenter »: the passage or criterion, the words, and optionally the criterion concerned. */
export function CommentDialog({ documentId, target, manifest, onCreated, onCancel }: CommentDialogProps) {
  const groups = useMemo(() => (manifest ? criterionGroups(manifest) : []), [manifest]);
  const fixedNode = target.nodeId === undefined ? null : (manifest?.nodes.find((node) => node.id === target.nodeId) ?? null);
  const [body, setBody] = useState('');
  const [nodeId, setNodeId] = useState(target.nodeId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const baseId = useId();

  async function submit(): Promise<void> {
    if (busy) return;
    const text = body.trim();
    if (text === '') {
      setError('Écrivez votre commentaire.');
      bodyRef.current?.focus();
      return;
    }
    if (text.length > COMMENT_MAX) {
      setError(`Un commentaire ne doit pas dépasser ${COMMENT_MAX} caractères.`);
      bodyRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const { threadId } = await trpc.comments.create.mutate({
        documentId,
        ...(target.anchor ? { anchor: target.anchor } : {}),
        ...(nodeId !== '' ? { nodeId } : {}),
        body: text,
      });
      onCreated(threadId);
    } catch (failure) {
      setError(apiErrorMessage(failure));
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const errorId = `${baseId}-error`;
  const hintId = `${baseId}-hint`;
  return (
    <Dialog title={target.anchor ? 'Commenter le passage' : 'Commenter le critère'} onCancel={onCancel}>
      <form className="comment-form" onSubmit={handleSubmit} noValidate>
        {target.anchor && (
          <>
            <p className="comment-form__intro">Passage sélectionné :</p>
            <blockquote className="comment-quote">{target.anchor.quote.exact}</blockquote>
          </>
        )}
        {target.nodeId !== undefined && (
          <p className="comment-form__intro">
            Critère : {fixedNode?.code && <span className="criterion-code">{fixedNode.code}</span>} {fixedNode?.label ?? target.nodeId}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${baseId}-body`}>Votre commentaire</label>
          <textarea
            ref={bodyRef}
            id={`${baseId}-body`}
            className="input comment-form__body"
            rows={5}
            value={body}
            aria-invalid={error !== null || undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            data-autofocus
            onChange={(event) => {
              setBody(event.target.value);
              setError(null);
            }}
            onKeyDown={handleKeyDown}
          />
          <p id={hintId} className="field-hint">
            Ctrl+Entrée pour publier. Tous les membres du document verront ce commentaire.
          </p>
        </div>
        {target.anchor && groups.length > 0 && (
          <div className="field">
            <label htmlFor={`${baseId}-criterion`}>Critère concerné (facultatif)</label>
            <select id={`${baseId}-criterion`} className="input" value={nodeId} onChange={(event) => setNodeId(event.target.value)}>
              <option value="">Aucun critère</option>
              {groups.map((group) => (
                <optgroup key={group.id} label={shortQuote([group.code, group.label].filter(Boolean).join(' — '), 100)}>
                  {group.criteria.map((criterion) => (
                    <option key={criterion.id} value={criterion.id}>
                      {shortQuote([criterion.code, criterion.label].filter(Boolean).join(' — '), 100)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Annuler
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Publication…' : 'Publier'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
