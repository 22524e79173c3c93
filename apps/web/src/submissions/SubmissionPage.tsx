import type { ProseMirrorJSON } from '@canevas/core';
import { editorExtensions } from '@canevas/core/editor';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import { apiErrorMessage, isNotFound } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { formatDate } from '../documents/formatDate.js';
import { Link } from '../routing/Link.js';
import { documentPath } from '../routing/navigation.js';
import { PageHeading } from '../ui/PageHeading.js';
import './submissions.css';

interface Submission {
  id: string;
  documentId: string;
  name: string;
  createdBy: string;
  createdAt: string;
  content: ProseMirrorJSON;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'missing' }
  | { status: 'ready'; submission: Submission; documentTitle: string };

/** `/d/<id>/versions/<submissionId>`: a submitted version, frozen, read with the shared schema. */
export function SubmissionPage({ documentId, submissionId }: { documentId: string; submissionId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  const load = useCallback(async () => {
    setLoaded({ status: 'loading' });
    try {
      const [submission, summary] = await Promise.all([trpc.submissions.get.query({ id: submissionId }), trpc.documents.get.query({ id: documentId })]);
      setLoaded(submission.documentId === documentId ? { status: 'ready', submission, documentTitle: summary.title } : { status: 'missing' });
    } catch (error) {
      setLoaded(isNotFound(error) ? { status: 'missing' } : { status: 'error', message: apiErrorMessage(error) });
    }
  }, [documentId, submissionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const name = loaded.status === 'ready' ? loaded.submission.name : null;
  useEffect(() => {
    document.title = `${name ?? 'Version soumise'} — Canevas`;
  }, [name]);

  return (
    <main id="contenu" className="page page--editor">
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <Link href="/">← Tous les documents</Link>
        {loaded.status === 'ready' && (
          <>
            {' · '}
            <Link href={documentPath(documentId)}>« {loaded.documentTitle} »</Link>
          </>
        )}
      </nav>
      {loaded.status === 'loading' && (
        <>
          <PageHeading>Version soumise</PageHeading>
          <p role="status" className="muted">
            Chargement de la version…
          </p>
        </>
      )}
      {loaded.status === 'missing' && (
        <>
          <PageHeading>Version introuvable</PageHeading>
          <p>Cette version soumise n’existe pas, ou vous n’y avez pas accès.</p>
          <p>
            <Link href={documentPath(documentId)}>Ouvrir le document</Link>
          </p>
        </>
      )}
      {loaded.status === 'error' && (
        <>
          <PageHeading>Version soumise</PageHeading>
          <div role="alert" className="notice notice--error">
            <p>{loaded.message}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Réessayer
            </button>
          </div>
        </>
      )}
      {loaded.status === 'ready' && (
        <>
          <PageHeading>{loaded.submission.name}</PageHeading>
          <div className="notice submission-page__notice" role="note">
            <p>
              Version soumise par {loaded.submission.createdBy} le{' '}
              <time dateTime={loaded.submission.createdAt}>{formatDate(loaded.submission.createdAt)}</time>. Elle est figée : personne ne
              peut plus la modifier.
            </p>
            <p>
              Le brouillon a pu évoluer depuis. <Link href={documentPath(documentId)}>Ouvrir le brouillon actuel</Link>
            </p>
          </div>
          <FrozenContent content={loaded.submission.content} />
        </>
      )}
    </main>
  );
}

/** A version's content, read-only (a submission here, any version in the history panel). */
export function FrozenContent({ content, label = 'Contenu de la version soumise' }: { content: ProseMirrorJSON; label?: string }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(),
      content,
      editable: false,
      // ProseMirror's stylesheets are imported in main.tsx: an injected <style> breaks the CSP.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          // A document, not a textbox: ARIA allows no aria-readonly on it, and it is frozen anyway.
          class: 'editor__content editor__content--frozen',
          role: 'document',
          'aria-label': label,
          tabindex: '0',
        },
      },
    },
    [content, label],
  );
  if (!editor) return null;
  return (
    <div className="submission-page__content" data-submission-content>
      <EditorContent editor={editor} />
    </div>
  );
}
