import { SSO_LOGIN_PATH } from '@canevas/core';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { navigate } from '../routing/navigation.js';
import { PageHeading } from '../ui/PageHeading.js';
import { AccountForm } from './AccountForm.js';
import { ROLE_NAMES } from './roleNames.js';
import { useSession } from './SessionContext.js';

type Preview =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'invalid' }
  | { status: 'valid'; workspaceName: string; role: keyof typeof ROLE_NAMES; expiresAt: string };

/** `/invitation/<token>`: join a workspace, creating an account or signing in first. */
export function InvitationPage({ token }: { token: string }) {
  const { session, refresh } = useSession();
  const [preview, setPreview] = useState<Preview>({ status: 'loading' });
  const [mode, setMode] = useState<'signUp' | 'logIn'>('signUp');
  const [error, setError] = useState<string | null>(null);
  const signedIn = session.status === 'ready' && session.user !== null;

  useEffect(() => {
    document.title = 'Invitation — Canevas';
    trpc.workspaces.previewInvitation
      .query({ token })
      .then((result) => setPreview(result.valid ? { status: 'valid', ...result } : { status: 'invalid' }))
      .catch((failure: unknown) => setPreview({ status: 'error', message: apiErrorMessage(failure) }));
  }, [token]);

  async function accept(): Promise<void> {
    setError(null);
    try {
      await trpc.workspaces.acceptInvitation.mutate({ token });
      navigate('/');
    } catch (failure) {
      setError(apiErrorMessage(failure));
    }
  }

  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Invitation</PageHeading>
      {preview.status === 'loading' && (
        <p role="status" className="muted">
          Vérification de l’invitation…
        </p>
      )}
      {preview.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {preview.message}
        </p>
      )}
      {preview.status === 'invalid' && (
        <p role="alert" className="notice notice--error">
          Cette invitation n’est plus valable (déjà utilisée, révoquée ou expirée). Demandez-en une nouvelle.
        </p>
      )}
      {preview.status === 'valid' && (
        <>
          <p>
            Vous êtes invité·e à rejoindre l’espace de travail <strong>« {preview.workspaceName} »</strong> en tant que{' '}
            <strong>{ROLE_NAMES[preview.role].toLowerCase()}</strong>. Invitation valable jusqu’au{' '}
            {new Date(preview.expiresAt).toLocaleDateString('fr-FR')}.
          </p>
          {!signedIn && session.status === 'ready' && session.signIn.sso && session.signIn.password && <SingleSignOnLink label={session.signIn.sso.label} />}
          {signedIn ? (
            <>
              <button type="button" className="button button--primary" onClick={() => void accept()}>
                Rejoindre l’espace de travail
              </button>
              {error && (
                <p className="field-error" role="alert">
                  {error}
                </p>
              )}
            </>
          ) : session.status === 'ready' && !session.signIn.password ? (
            session.signIn.sso && <SingleSignOnLink label={session.signIn.sso.label} />
          ) : mode === 'signUp' ? (
            <AccountForm
              mode="signUp"
              submitLabel="Créer mon compte et rejoindre"
              busyLabel="Création…"
              onSubmit={async ({ email, password, name }) => {
                await trpc.auth.signUp.mutate({ email, password, invitation: token, ...(name && { name }) });
                await refresh();
                navigate('/');
              }}
            >
              <button type="button" className="button button--quiet" onClick={() => setMode('logIn')}>
                J’ai déjà un compte
              </button>
            </AccountForm>
          ) : (
            <AccountForm
              mode="logIn"
              submitLabel="Se connecter"
              busyLabel="Connexion…"
              onSubmit={async ({ email, password }) => {
                await trpc.auth.logIn.mutate({ email, password });
                await refresh();
              }}
            >
              <button type="button" className="button button--quiet" onClick={() => setMode('signUp')}>
                Créer un compte
              </button>
            </AccountForm>
          )}
        </>
      )}
    </main>
  );
}

/** Signs in through the provider, then comes back to this invitation to accept it. */
function SingleSignOnLink({ label }: { label: string }) {
  return (
    <p>
      <a className="button" href={`${SSO_LOGIN_PATH}?retour=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
        Se connecter avec {label}
      </a>
    </p>
  );
}
