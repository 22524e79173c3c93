import type { ProseMirrorJSON } from '@canevas/core';
import type { VersionSummary } from '@canevas/sync-server';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { formatDate } from '../documents/formatDate.js';
import { FrozenContent } from '../submissions/SubmissionPage.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { Dialog } from '../ui/Dialog.js';
import '../submissions/submissions.css';

const KIND_LABELS: Record<VersionSummary['kind'], string> = {
  auto: 'Version automatique',
  named: 'Version nommée',
  restore: 'Restauration',
  submission: 'Version soumise',
};

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; versions: VersionSummary[] };

interface HistoryPanelProps {
  documentId: string;
  /** Owners and editors: they name and restore versions (the server checks it again). */
  canWrite: boolean;
}

/**
 * « Historique des versions » (issue 16): every kept version, previewed read-only; writers save
 * a named one and restore any, after a confirmation. A restore reaches every open editor as an
 * ordinary change, so this page's editor follows by itself.
 */
export function HistoryPanel({ documentId, canWrite }: HistoryPanelProps) {
  const headingId = useId();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [naming, setNaming] = useState(false);
  const [preview, setPreview] = useState<{ version: VersionSummary; content: ProseMirrorJSON } | { version: VersionSummary; error: string } | null>(null);
  const [restoring, setRestoring] = useState<{ version: VersionSummary; busy: boolean; error: string | null } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', versions: await trpc.versions.list.query({ documentId }) });
    } catch (error) {
      setState((current) => (current.status === 'ready' ? current : { status: 'error', message: apiErrorMessage(error) }));
    }
  }, [documentId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const open = async (version: VersionSummary) => {
    try {
      const { content } = await trpc.versions.get.query({ documentId, id: version.id });
      setPreview({ version, content });
    } catch (error) {
      setPreview({ version, error: apiErrorMessage(error) });
    }
  };

  const restore = async () => {
    if (!restoring) return;
    setRestoring({ ...restoring, busy: true, error: null });
    try {
      await trpc.versions.restore.mutate({ documentId, versionId: restoring.version.id });
      setRestoring(null);
      setPreview(null);
      setAnnouncement(`Version du ${formatDate(restoring.version.createdAt)} restaurée.`);
      await refresh();
    } catch (error) {
      setRestoring({ ...restoring, busy: false, error: apiErrorMessage(error) });
    }
  };

  return (
    <section className="submissions" aria-labelledby={headingId}>
      <div className="submissions__header">
        <h2 id={headingId} className="submissions__title">
          Historique des versions
        </h2>
        <button type="button" className="button button--quiet" onClick={() => void refresh()}>
          Actualiser<span className="visually-hidden"> l’historique des versions</span>
        </button>
      </div>
      {canWrite && (
        <button type="button" className="button" onClick={() => setNaming(true)}>
          Enregistrer une version…
        </button>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {state.status === 'loading' && <p className="muted">Chargement de l’historique…</p>}
      {state.status === 'error' && (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.versions.length === 0 ? (
          <p className="muted">Aucune version pour l’instant : une version est enregistrée quelques minutes après chaque modification.</p>
        ) : (
          <ul className="submissions__list" aria-label="Versions, de la plus récente à la plus ancienne">
            {state.versions.map((version) => (
              <li key={version.id}>
                <button type="button" className="button button--quiet" onClick={() => void open(version)}>
                  {version.name ?? KIND_LABELS[version.kind]}
                  <span className="visually-hidden">, aperçu</span>
                </button>
                <span className="submissions__meta">
                  {version.name ? `${KIND_LABELS[version.kind]}, ` : ''}
                  <time dateTime={version.createdAt}>{formatDate(version.createdAt)}</time>
                  {version.editors.length > 0 && ` — ${version.editors.map((person) => person.name).join(', ')}`}
                </span>
              </li>
            ))}
          </ul>
        ))}
      {naming && (
        <NameVersionDialog
          documentId={documentId}
          onCancel={() => setNaming(false)}
          onSaved={(version) => {
            setNaming(false);
            setAnnouncement(`Version « ${version.name ?? ''} » enregistrée.`);
            void refresh();
          }}
        />
      )}
      {preview && !restoring && (
        <Dialog title={`${preview.version.name ?? KIND_LABELS[preview.version.kind]}, ${formatDate(preview.version.createdAt)}`} onCancel={() => setPreview(null)} wide>
          {'error' in preview ? (
            <p role="alert" className="field-error">
              {preview.error}
            </p>
          ) : (
            <FrozenContent content={preview.content} label="Contenu de la version (lecture seule)" />
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setPreview(null)} data-autofocus>
              Fermer
            </button>
            {canWrite && !('error' in preview) && (
              <button type="button" className="button button--danger" onClick={() => setRestoring({ version: preview.version, busy: false, error: null })}>
                Restaurer cette version
              </button>
            )}
          </div>
        </Dialog>
      )}
      {restoring && (
        <ConfirmDialog
          title="Restaurer cette version ?"
          message={`Le document redeviendra tel qu’il était le ${formatDate(restoring.version.createdAt)}, pour tout le monde. L’état actuel est d’abord enregistré comme une version : vous pourrez y revenir.`}
          confirmLabel="Restaurer"
          busyLabel="Restauration…"
          busy={restoring.busy}
          error={restoring.error}
          onConfirm={() => void restore()}
          onCancel={() => setRestoring(null)}
        />
      )}
    </section>
  );
}

function NameVersionDialog({ documentId, onCancel, onSaved }: { documentId: string; onCancel: () => void; onSaved: (version: VersionSummary) => void }) {
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await trpc.versions.create.mutate({ documentId, name }));
    } catch (caught) {
      setError(apiErrorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Enregistrer une version" onCancel={onCancel}>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>Nom de la version</label>
        <input
          id={inputId}
          type="text"
          value={name}
          maxLength={120}
          required
          onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-autofocus
        />
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
            {busy ? 'Enregistrement…' : 'Enregistrer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
