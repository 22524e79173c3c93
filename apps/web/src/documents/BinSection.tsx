import { useCallback, useEffect, useId, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { formatDate } from './formatDate.js';

type BinEntry = Awaited<ReturnType<typeof trpc.bin.list.query>>[number];

type BinState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: BinEntry[] };

interface BinSectionProps {
  workspaceId: string;
  /** Changes when a document was deleted from the list: the bin is read again. */
  refreshKey: number;
  /** A document came back: the list above shows it again. */
  onRestored: (title: string) => void;
  announce: (message: string) => void;
}

/**
 * « Corbeille », for the owners of a workspace (the server refuses everyone else): documents
 * deleted from the list, each restorable until its date of deletion for good, and « Vider la
 * corbeille » after a confirmation.
 */
export function BinSection({ workspaceId, refreshKey, onRestored, announce }: BinSectionProps) {
  const [state, setState] = useState<BinState>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [emptying, setEmptying] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', entries: await trpc.bin.list.query({ workspaceId }) });
    } catch (error) {
      setState({ status: 'error', message: apiErrorMessage(error) });
    }
  }, [workspaceId]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  async function restore(entry: BinEntry): Promise<void> {
    setBusy(entry.id);
    setProblem(null);
    try {
      await trpc.bin.restore.mutate({ id: entry.id });
      onRestored(entry.title);
      announce(`Le document « ${entry.title} » est de retour dans la liste.`);
    } catch (error) {
      setProblem(apiErrorMessage(error));
    }
    setBusy(null);
    await load();
  }

  async function empty(): Promise<void> {
    setEmptying({ busy: true, error: null });
    try {
      const { deleted } = await trpc.bin.empty.mutate({ workspaceId });
      setEmptying(null);
      announce(deleted <= 1 ? `${deleted} document supprimé définitivement.` : `${deleted} documents supprimés définitivement.`);
      await load();
    } catch (error) {
      setEmptying({ busy: false, error: apiErrorMessage(error) });
    }
  }

  const entries = state.status === 'ready' ? state.entries : [];
  return (
    <section aria-labelledby={headingId} className="bin">
      <h2 id={headingId} className="section-title">
        Corbeille{entries.length > 0 ? ` (${entries.length})` : ''}
      </h2>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          Chargement de la corbeille…
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="notice notice--error">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Réessayer
          </button>
        </div>
      )}
      {state.status === 'ready' && entries.length === 0 && <p className="muted">La corbeille est vide.</p>}
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      {entries.length > 0 && (
        <>
          <ul className="document-list">
            {entries.map((entry) => (
              <li key={entry.id} className="document-row">
                <div className="document-row__main">
                  <span className="document-row__title">{entry.title}</span>
                  <span className="document-row__meta">
                    Supprimé le {formatDate(entry.trashedAt)}
                    {entry.trashedBy ? ` par ${entry.trashedBy}` : ''} · supprimé définitivement le {formatDate(entry.purgeAt)}
                  </span>
                </div>
                <div className="document-row__actions">
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Restaurer « ${entry.title} »`}
                    disabled={busy !== null}
                    onClick={() => void restore(entry)}
                  >
                    {busy === entry.id ? 'Restauration…' : 'Restaurer'}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet button--danger-text" onClick={() => setEmptying({ busy: false, error: null })}>
            Vider la corbeille
          </button>
        </>
      )}
      {emptying && (
        <ConfirmDialog
          title="Vider la corbeille ?"
          message={`${entries.length <= 1 ? 'Le document de la corbeille sera supprimé' : `Les ${entries.length} documents de la corbeille seront supprimés`} définitivement, avec leurs versions et leurs commentaires. Cette action ne peut pas être annulée.`}
          confirmLabel="Vider la corbeille"
          busyLabel="Suppression…"
          busy={emptying.busy}
          error={emptying.error}
          onConfirm={() => void empty()}
          onCancel={() => setEmptying(null)}
        />
      )}
    </section>
  );
}
