import { useId, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { formatDate } from '../documents/formatDate.js';
import { accessActionLabel } from './accessActionLabels.js';
import './privacy.css';

interface AccessEntry {
  at: string;
  action: string;
  who: string;
}

type LogState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: AccessEntry[] };

/**
 * « Journal des accès », for owners: who opened the dossier, commented, assessed or submitted, and
 * when (RGPD: the people a dossier is about may ask). Read when opened, not before.
 */
export function AccessLogDisclosure({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false);
  const [log, setLog] = useState<LogState>({ status: 'idle' });
  const baseId = useId();

  async function load(): Promise<void> {
    setLog({ status: 'loading' });
    try {
      setLog({ status: 'ready', entries: await trpc.privacy.documentAccessLog.query({ documentId }) });
    } catch (error) {
      setLog({ status: 'error', message: apiErrorMessage(error) });
    }
  }

  function toggle(): void {
    const next = !open;
    setOpen(next);
    if (next && log.status !== 'ready' && log.status !== 'loading') void load();
  }

  const bodyId = `${baseId}-body`;
  return (
    <section className="access-log" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} className="access-log__title">
        <button type="button" className="access-log__toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          Journal des accès
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        <p className="access-log__intro">
          Qui a ouvert ce document, l’a commenté, évalué ou soumis, et quand. Visible des seuls propriétaires de l’espace.
        </p>
        {log.status === 'loading' && (
          <p role="status" className="muted">
            Chargement du journal…
          </p>
        )}
        {log.status === 'error' && (
          <div role="alert" className="notice notice--error">
            <p>{log.message}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Réessayer
            </button>
          </div>
        )}
        {log.status === 'ready' &&
          (log.entries.length === 0 ? (
            <p className="muted">Aucun accès enregistré.</p>
          ) : (
            <>
              {/* Scrollable, so focusable: the keyboard can scroll it too. */}
              <div className="access-log__table-wrapper" tabIndex={0} role="region" aria-label="Journal des accès, défilant">
                <table className="access-log__table">
                  <caption className="visually-hidden">Journal des accès à ce document, du plus récent au plus ancien</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Personne</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {log.entries.map((entry, index) => (
                      <tr key={`${entry.at}-${index}`}>
                        <td>
                          <time dateTime={entry.at}>{formatDate(entry.at)}</time>
                        </td>
                        <td>{entry.who}</td>
                        <td>{accessActionLabel(entry.action)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="button button--quiet" onClick={() => void load()}>
                Actualiser le journal
              </button>
            </>
          ))}
      </div>
    </section>
  );
}
