import { useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../api/trpcClient.js';
import { Link } from '../routing/Link.js';
import { documentPath } from '../routing/navigation.js';
import { formatDate } from './formatDate.js';
import { RenameTitleForm } from './RenameTitleForm.js';

interface DocumentRowProps {
  document: DocumentSummary;
  /** The short title of the referential the document follows; null for a free document. */
  referentialName?: string | null;
  onRename: (title: string) => Promise<void>;
  onDelete: () => void;
  /** False for tutors and viewers: the server would refuse, so the actions are not offered. */
  canEdit?: boolean;
}

export function DocumentRow({ document, referentialName = null, onRename, onDelete, canEdit = true }: DocumentRowProps) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  // Back from the inline form, keyboard focus returns to where the user started.
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <li className="document-row">
      {renaming ? (
        <RenameTitleForm title={document.title} onRename={onRename} onClose={() => setRenaming(false)} />
      ) : (
        <>
          <div className="document-row__main">
            <Link href={documentPath(document.id)} className="document-row__title">
              {document.title}
            </Link>
            <span className="document-row__meta">
              {referentialName && <span className="document-row__referential">{referentialName} · </span>}
              Modifié le {formatDate(document.updatedAt)}
            </span>
          </div>
          {canEdit && (
            <div className="document-row__actions">
              <button
                ref={renameButton}
                type="button"
                className="button button--quiet"
                aria-label={`Renommer « ${document.title} »`}
                onClick={() => setRenaming(true)}
              >
                Renommer
              </button>
              <button
                type="button"
                className="button button--quiet button--danger-text"
                aria-label={`Supprimer « ${document.title} »`}
                onClick={onDelete}
              >
                Supprimer
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
