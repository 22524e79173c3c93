import type { StoredComment, StoredThread } from '@canevas/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { DocumentRole } from '../account/roleNames.js';
import { apiErrorMessage, isNotFound } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { formatDate } from '../documents/formatDate.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { shortQuote } from '../ui/shortQuote.js';
import { CommentItem } from './CommentItem.js';
import { canChangeComment, canComment, canResolve } from './commentPermissions.js';
import type { ResolvedThread } from './LiveThreads.js';

interface ThreadItemProps {
  entry: ResolvedThread;
  documentId: string;
  userId: string;
  role: DocumentRole;
  active: boolean;
  codeOf: (nodeId: string) => string;
  labelOf: (nodeId: string) => string;
  /** Selects the passage in the text; false when it was deleted. */
  onJump: (thread: StoredThread) => boolean;
  /** After resolving or reopening (the thread may leave the filtered list). */
  onResolvedChange: (resolved: boolean) => void;
  announce: (message: string) => void;
}

/**
 * One thread: what it is about (its passage, a button that selects it; « passage supprimé » with
 * the original words once deleted; or its criterion), its comments, a reply, and resolve/reopen.
 */
export function ThreadItem(props: ThreadItemProps) {
  const { entry, documentId, userId, role, active, codeOf, labelOf, onJump, onResolvedChange, announce } = props;
  const { thread, resolution } = entry;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const [deleting, setDeleting] = useState<StoredComment | null>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const baseId = useId();
  const headingId = `${baseId}-heading`;

  const detached = resolution?.status === 'detached';
  const quote = resolution?.status === 'attached' ? resolution.text : (thread.anchor?.quote.exact ?? '');
  const title = thread.anchor ? `« ${shortQuote(quote, 90)} »` : `Critère ${codeOf(thread.nodeId ?? '')}`;

  async function run(request: () => Promise<unknown>, success: string): Promise<boolean> {
    setBusy(true);
    try {
      await request();
      setError(null);
      announce(success);
      return true;
    } catch (failure) {
      setError(isNotFound(failure) ? 'Ce fil ou ce commentaire n’existe plus.' : apiErrorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function sendReply(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const body = reply.trim();
    if (body === '') {
      setError('Écrivez votre réponse.');
      return;
    }
    if (await run(() => trpc.comments.reply.mutate({ documentId, threadId: thread.id, body }), 'Réponse publiée.')) {
      setReply('');
      closeReply();
    }
  }

  function closeReply(): void {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  }

  async function setResolved(resolved: boolean): Promise<void> {
    if (busy) return;
    const ok = await run(
      () => trpc.comments.setResolved.mutate({ documentId, threadId: thread.id, resolved }),
      resolved ? 'Fil résolu.' : 'Fil rouvert.',
    );
    if (ok) onResolvedChange(resolved);
  }

  const mayComment = canComment(role);
  const classes = ['thread', thread.resolved && 'thread--resolved', active && 'thread--active', detached && 'thread--detached'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-thread-id={thread.id} aria-labelledby={headingId}>
      <div className="thread__head">
        <span className={thread.resolved ? 'thread__status thread__status--resolved' : 'thread__status'}>
          <span aria-hidden="true">{thread.resolved ? '✓ ' : '● '}</span>
          {thread.resolved ? 'Résolu' : 'Ouvert'}
        </span>
        {thread.nodeId !== undefined && thread.anchor && (
          <span className="criterion-code" title={labelOf(thread.nodeId)}>
            {codeOf(thread.nodeId)}
          </span>
        )}
        {detached && (
          <span className="thread__detached-badge">
            <span aria-hidden="true">⚠ </span>Passage supprimé
          </span>
        )}
      </div>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="thread__title">
        {thread.anchor && !detached ? (
          <button
            type="button"
            className="thread__quote"
            aria-current={active || undefined}
            onClick={() => {
              if (!onJump(thread)) announce('Ce passage a été supprimé du document.');
            }}
          >
            <span className="visually-hidden">Aller au passage : </span>
            {title}
          </button>
        ) : thread.anchor ? (
          <span className="thread__quote thread__quote--detached">
            <span className="visually-hidden">Passage supprimé : </span>
            {title}
          </span>
        ) : (
          <span className="thread__criterion">
            {title}
            <span className="thread__criterion-label"> — {shortQuote(labelOf(thread.nodeId ?? ''), 90)}</span>
          </span>
        )}
      </h3>
      {detached && <p className="thread__hint">Le texte commenté a été supprimé ; le fil est conservé avec le passage d’origine.</p>}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            mine={comment.authorId === userId}
            changeable={canChangeComment(comment, userId, role)}
            busy={busy}
            describedBy={headingId}
            onEdit={(body) => run(() => trpc.comments.edit.mutate({ documentId, threadId: thread.id, commentId: comment.id, body }), 'Commentaire modifié.')}
            onDelete={() => setDeleting(comment)}
          />
        ))}
      </ol>
      {thread.resolved && thread.resolvedBy && (
        <p className="thread__resolved-by">
          Résolu par {thread.resolvedBy}
          {thread.resolvedAt && (
            <>
              , le <time dateTime={thread.resolvedAt}>{formatDate(thread.resolvedAt)}</time>
            </>
          )}
          .
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {replying ? (
        <form className="comment-form comment-form--inline" onSubmit={(event) => void sendReply(event)} noValidate>
          <label htmlFor={`${baseId}-reply`} className="thread__reply-label">
            Votre réponse
          </label>
          <textarea
            id={`${baseId}-reply`}
            className="input comment-form__body"
            rows={3}
            value={reply}
            autoFocus
            onChange={(event) => {
              setReply(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                closeReply();
              } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <div className="comment__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Publication…' : 'Publier la réponse'}
            </button>
            <button type="button" className="button" onClick={closeReply}>
              Annuler
            </button>
          </div>
        </form>
      ) : (
        (mayComment || canResolve(thread, userId, role)) && (
          <div className="thread__actions">
            {mayComment && (
              <button ref={replyButton} type="button" className="button button--quiet" aria-describedby={headingId} onClick={() => setReplying(true)}>
                Répondre
              </button>
            )}
            {canResolve(thread, userId, role) && (
              <button
                type="button"
                className="button button--quiet"
                aria-describedby={headingId}
                aria-disabled={busy || undefined}
                onClick={() => void setResolved(!thread.resolved)}
              >
                {thread.resolved ? 'Rouvrir' : 'Résoudre'}
              </button>
            )}
          </div>
        )
      )}
      {deleting && (
        <ConfirmDialog
          title="Supprimer ce commentaire ?"
          message={`« ${shortQuote(deleting.body)} » sera remplacé par « Commentaire supprimé » pour tout le monde.`}
          confirmLabel="Supprimer"
          busyLabel="Suppression…"
          busy={busy}
          onConfirm={() => {
            const comment = deleting;
            setDeleting(null);
            void run(() => trpc.comments.delete.mutate({ documentId, threadId: thread.id, commentId: comment.id }), 'Commentaire supprimé.').then(() =>
              headingRef.current?.focus(),
            );
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </li>
  );
}
