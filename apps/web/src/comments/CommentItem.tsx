import type { StoredComment } from '@canevas/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../documents/formatDate.js';

interface CommentItemProps {
  comment: StoredComment;
  /** The signed-in person wrote it (« vous »). */
  mine: boolean;
  /** Edit and delete are offered (one's own, not deleted, a role that comments). */
  changeable: boolean;
  busy: boolean;
  /** The thread's heading, so that « Modifier » says which thread. */
  describedBy: string;
  onEdit: (body: string) => Promise<boolean>;
  onDelete: () => void;
}

/** One comment: author, date, words (or « Commentaire supprimé »), and its author's actions. */
export function CommentItem({ comment, mine, changeable, busy, describedBy, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const editButton = useRef<HTMLButtonElement>(null);
  const baseId = useId();

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || draft.trim() === '') return;
    if (await onEdit(draft.trim())) {
      setEditing(false);
      // The form goes away: focus returns to the button that opened it.
      requestAnimationFrame(() => editButton.current?.focus());
    }
  }

  return (
    <li className={comment.deleted ? 'comment comment--deleted' : 'comment'} data-comment-id={comment.id}>
      <p className="comment__meta">
        <span className="comment__author">
          {comment.authorName}
          {mine && ' (vous)'}
        </span>{' '}
        · <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        {comment.editedAt && !comment.deleted && <span className="comment__edited"> · modifié</span>}
      </p>
      {comment.deleted ? (
        <p className="comment__body comment__body--deleted">Commentaire supprimé.</p>
      ) : editing ? (
        <form className="comment-form comment-form--inline" onSubmit={(event) => void save(event)}>
          <label htmlFor={`${baseId}-edit`} className="visually-hidden">
            Modifier votre commentaire
          </label>
          <textarea
            id={`${baseId}-edit`}
            className="input comment-form__body"
            rows={3}
            value={draft}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setEditing(false);
                requestAnimationFrame(() => editButton.current?.focus());
              }
            }}
          />
          <div className="comment__actions">
            <button type="submit" className="button button--primary" disabled={busy || draft.trim() === ''}>
              Enregistrer
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(false);
                requestAnimationFrame(() => editButton.current?.focus());
              }}
            >
              Annuler
            </button>
          </div>
        </form>
      ) : (
        <p className="comment__body">{comment.body}</p>
      )}
      {changeable && !editing && (
        <div className="comment__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--quiet"
            aria-describedby={describedBy}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) return;
              setDraft(comment.body);
              setEditing(true);
            }}
          >
            Modifier
          </button>
          <button
            type="button"
            className="button button--quiet button--danger-text"
            aria-describedby={describedBy}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onDelete();
            }}
          >
            Supprimer
          </button>
        </div>
      )}
    </li>
  );
}
