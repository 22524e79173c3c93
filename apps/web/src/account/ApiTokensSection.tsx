import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiTokenSummary } from '@canevas/sync-server';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tokens: ApiTokenSummary[] };

const formatDate = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

function expiry(token: ApiTokenSummary): string {
  if (token.expiresAt === null) return 'sans expiration';
  return token.expired ? `expiré le ${formatDate(token.expiresAt)}` : formatDate(token.expiresAt);
}

/**
 * The signed-in user's API tokens (for scripts): when each was made, when it expires, when it
 * was last used; revoke one, or make a new one, shown once.
 */
export function ApiTokensSection() {
  const ids = useId();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<{ token: ApiTokenSummary; busy: boolean; error: string | null } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const createdInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setList({ status: 'ready', tokens: await trpc.auth.tokens.list.query() });
    } catch (failure) {
      setList({ status: 'error', message: apiErrorMessage(failure) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The new token is shown once: take the focus to it so that it is read and copied.
  useEffect(() => {
    if (created) createdInput.current?.focus();
  }, [created]);

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setFormError(null);
    const lifetime = days.trim() === '' ? undefined : Number(days);
    if (lifetime !== undefined && !Number.isInteger(lifetime)) {
      setFormError('La durée se compte en jours entiers.');
      return;
    }
    try {
      const result = await trpc.auth.tokens.create.mutate({ name, ...(lifetime !== undefined && { days: lifetime }) });
      setCreated({ token: result.token, name: result.summary.name });
      setName('');
      setDays('');
      await load();
    } catch (failure) {
      setFormError(apiErrorMessage(failure));
    }
  }

  async function revoke(): Promise<void> {
    if (!revoking) return;
    setRevoking({ ...revoking, busy: true, error: null });
    try {
      await trpc.auth.tokens.revoke.mutate({ id: revoking.token.id });
      setRevoking(null);
      setAnnouncement(`Le jeton « ${revoking.token.name} » est révoqué.`);
      await load();
    } catch (failure) {
      setRevoking({ ...revoking, busy: false, error: apiErrorMessage(failure) });
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="section-title">
        Jetons d’API
      </h2>
      <p className="muted">
        Un jeton permet à un script d’agir en votre nom (en-tête « Authorization: Bearer … »). Révoquez ceux qui ne servent plus.
      </p>
      {list.status === 'loading' && (
        <p role="status" className="muted">
          Chargement des jetons…
        </p>
      )}
      {list.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {list.message}
        </p>
      )}
      {list.status === 'ready' &&
        (list.tokens.length === 0 ? (
          <p>Aucun jeton.</p>
        ) : (
          <table className="members-table">
            <caption className="visually-hidden">Vos jetons d’API</caption>
            <thead>
              <tr>
                <th scope="col">Libellé</th>
                <th scope="col">Créé le</th>
                <th scope="col">Expire le</th>
                <th scope="col">Dernier usage</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>{expiry(token)}</td>
                  <td>{token.lastUsedAt === null ? 'jamais' : formatDate(token.lastUsedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--danger-text"
                      aria-label={`Révoquer le jeton « ${token.name} »`}
                      onClick={() => setRevoking({ token, busy: false, error: null })}
                    >
                      Révoquer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}

      <h3 className="section-title">Nouveau jeton</h3>
      <form className="create-form__row" onSubmit={(event) => void create(event)} aria-describedby={formError ? `${ids}-error` : undefined}>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Libellé</label>
          <input id={`${ids}-name`} className="input" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-days`}>Validité en jours (facultatif)</label>
          <input
            id={`${ids}-days`}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={days}
            aria-describedby={`${ids}-days-hint`}
            onChange={(event) => setDays(event.target.value)}
          />
          <span id={`${ids}-days-hint`} className="muted">
            Vide : la durée par défaut de l’instance.
          </span>
        </div>
        <button type="submit" className="button button--primary">
          Créer le jeton
        </button>
      </form>
      {formError && (
        <p id={`${ids}-error`} role="alert" className="field-error">
          {formError}
        </p>
      )}
      {created && (
        <div className="notice">
          <label htmlFor={`${ids}-created`}>Jeton « {created.name} » : copiez-le maintenant, il ne sera plus affiché</label>
          <input id={`${ids}-created`} ref={createdInput} className="input" readOnly value={created.token} onFocus={(event) => event.target.select()} />
          <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setAnnouncement('Jeton copié.'))}>
            Copier le jeton
          </button>
        </div>
      )}
      {revoking && (
        <ConfirmDialog
          title="Révoquer ce jeton ?"
          message={`Les scripts qui utilisent le jeton « ${revoking.token.name} » ne pourront plus se connecter.`}
          confirmLabel="Révoquer"
          busyLabel="Révocation…"
          busy={revoking.busy}
          error={revoking.error}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(null)}
        />
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
