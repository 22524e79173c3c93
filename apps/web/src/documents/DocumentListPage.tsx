import { useCallback, useEffect, useRef, useState } from 'react';
import { apiErrorMessage, isNotFound } from '../api/apiError.js';
import { trpc, type DocumentSummary } from '../api/trpcClient.js';
import { ExportDossierButton } from '../export/ExportDossierButton.js';
import { useReferentialList } from '../referentials/useReferentialList.js';
import { documentPath, navigate } from '../routing/navigation.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { PageHeading } from '../ui/PageHeading.js';
import { useWorkspaces } from '../workspaces/useWorkspaces.js';
import { WorkspaceBar } from '../workspaces/WorkspaceBar.js';
import { BinSection } from './BinSection.js';
import { CreateDocumentForm, type NewDocument } from './CreateDocumentForm.js';
import { DocumentRow } from './DocumentRow.js';

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; documents: DocumentSummary[] };

interface PendingDelete {
  document: DocumentSummary;
  busy: boolean;
  error: string | null;
}

export function DocumentListPage() {
  const workspaces = useWorkspaces();
  const current = workspaces.state.status === 'ready' ? workspaces.state.current : null;
  const workspaceId = current?.id;
  const canWrite = current?.role === 'owner' || current?.role === 'editor';
  const isOwner = current?.role === 'owner';
  /** Bumped by each deletion: the bin below reads itself again. */
  const [deletions, setDeletions] = useState(0);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const [referentials, retryReferentials] = useReferentialList();
  const referentialNames = new Map(referentials.status === 'ready' ? referentials.referentials.map((referential) => [referential.id, referential.shortTitle] as const) : []);

  const load = useCallback(async () => {
    if (workspaceId === undefined) return;
    setList({ status: 'loading' });
    try {
      setList({ status: 'ready', documents: await trpc.documents.list.query({ workspaceId }) });
    } catch (error) {
      setList({ status: 'error', message: apiErrorMessage(error) });
    }
  }, [workspaceId]);

  useEffect(() => {
    document.title = 'Documents — Canevas';
    void load();
  }, [load]);

  async function create(input: NewDocument): Promise<void> {
    const { id } = await trpc.documents.create.mutate({ ...input, ...(workspaceId && { workspaceId }) });
    navigate(documentPath(id));
  }

  async function rename(id: string, title: string): Promise<void> {
    const renamed = await trpc.documents.rename.mutate({ id, title });
    setList((current) =>
      current.status === 'ready'
        ? { ...current, documents: current.documents.map((doc) => (doc.id === id ? renamed : doc)) }
        : current,
    );
    setAnnouncement(`Document renommé en « ${renamed.title} ».`);
  }

  async function confirmDelete(): Promise<void> {
    if (!pendingDelete) return;
    const { document: target } = pendingDelete;
    setPendingDelete({ ...pendingDelete, busy: true, error: null });
    try {
      await trpc.documents.delete.mutate({ id: target.id });
    } catch (error) {
      // Someone else deleted it first: the outcome the user asked for.
      if (!isNotFound(error)) {
        setPendingDelete({ document: target, busy: false, error: apiErrorMessage(error) });
        return;
      }
    }
    setList((current) =>
      current.status === 'ready'
        ? { ...current, documents: current.documents.filter((doc) => doc.id !== target.id) }
        : current,
    );
    setPendingDelete(null);
    setDeletions((count) => count + 1);
    setAnnouncement(`Le document « ${target.title} » a été mis dans la corbeille.`);
    listHeadingRef.current?.focus();
  }

  return (
    <main id="contenu" className="page">
      <PageHeading>Documents</PageHeading>
      {workspaces.state.status === 'error' && (
        <div role="alert" className="notice notice--error">
          <p>{workspaces.state.message}</p>
        </div>
      )}
      {workspaces.state.status === 'ready' && (
        <WorkspaceBar
          workspaces={workspaces.state.workspaces}
          current={workspaces.state.current}
          onSelect={workspaces.select}
          onCreate={workspaces.create}
        />
      )}
      {canWrite && <CreateDocumentForm onCreate={create} referentials={referentials} onRetryReferentials={retryReferentials} />}
      {current && !canWrite && (
        <p className="notice">Votre rôle dans cet espace de travail permet de lire{current.role === 'tutor' ? ', de commenter et d’évaluer' : ''} les documents, pas d’en créer.</p>
      )}

      {workspaces.state.status === 'loading' && (
        <p role="status" className="muted">
          Chargement des espaces de travail…
        </p>
      )}
      {current && (
        <section aria-labelledby="documents-heading" className="documents">
          <h2 id="documents-heading" ref={listHeadingRef} tabIndex={-1} className="section-title">
            Documents de l’espace de travail
          </h2>
          {list.status === 'ready' && list.documents.length > 0 && <ExportDossierButton documents={list.documents} />}
          {list.status === 'loading' && (
            <p role="status" className="muted">
              Chargement des documents…
            </p>
          )}
          {list.status === 'error' && (
            <div role="alert" className="notice notice--error">
              <p>{list.message}</p>
              <button type="button" className="button" onClick={() => void load()}>
                Réessayer
              </button>
            </div>
          )}
          {list.status === 'ready' && list.documents.length === 0 && (
            <p className="empty-state">Aucun document pour l’instant. Créez le premier avec le formulaire ci-dessus.</p>
          )}
          {list.status === 'ready' && list.documents.length > 0 && (
            <ul className="document-list">
              {list.documents.map((doc) => (
                <DocumentRow
                  key={doc.id}
                  document={doc}
                  // A referential no longer installed is still named, by its id.
                  referentialName={doc.referentialId ? (referentialNames.get(doc.referentialId) ?? doc.referentialId) : null}
                  canEdit={canWrite}
                  onRename={(title) => rename(doc.id, title)}
                  onDelete={() => setPendingDelete({ document: doc, busy: false, error: null })}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      {current && isOwner && (
        <BinSection
          workspaceId={current.id}
          refreshKey={deletions}
          onRestored={() => {
            void load();
            // The restored row's button is gone: the focus goes to the list it returned to.
            listHeadingRef.current?.focus();
          }}
          announce={setAnnouncement}
        />
      )}

      <p role="status" className="visually-hidden">
        {announcement}
      </p>

      {pendingDelete && (
        <ConfirmDialog
          title="Supprimer ce document ?"
          // Into the bin, not gone: the owners can restore it until it is deleted for good.
          message={`« ${pendingDelete.document.title} » ira dans la corbeille et disparaîtra pour toutes les personnes qui y ont accès. Les propriétaires de l’espace pourront le restaurer depuis la corbeille jusqu’à sa suppression définitive.`}
          confirmLabel="Supprimer"
          busyLabel="Suppression…"
          busy={pendingDelete.busy}
          error={pendingDelete.error}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </main>
  );
}
