import { SSO_FAILURE_PARAM, SSO_LOGIN_PATH, singleSignOnFailureMessage } from '@canevas/core';
import { useEffect, useState } from 'react';
import { trpc } from '../api/trpcClient.js';
import { Link } from '../routing/Link.js';
import { FORGOT_PASSWORD_PATH } from '../routing/navigation.js';
import { PageHeading } from '../ui/PageHeading.js';
import { AccountForm } from './AccountForm.js';
import { useSession, type SignInMethods } from './SessionContext.js';

export function LoginPage({ signIn }: { signIn: SignInMethods }) {
  const { refresh } = useSession();
  // A single sign-on that failed comes back with only a reason code; read once, then dropped from the address.
  const [ssoFailure] = useState(() => singleSignOnFailureMessage(new URLSearchParams(window.location.search).get(SSO_FAILURE_PARAM)));
  useEffect(() => {
    document.title = 'Connexion — Canevas';
    const url = new URL(window.location.href);
    if (url.searchParams.has(SSO_FAILURE_PARAM)) {
      url.searchParams.delete(SSO_FAILURE_PARAM);
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
  }, []);
  const returnTo = window.location.pathname + window.location.search;
  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Connexion</PageHeading>
      {ssoFailure && (
        <p role="alert" className="notice notice--error">
          {ssoFailure}
        </p>
      )}
      {signIn.sso && (
        <p>
          <a className="button button--primary" href={`${SSO_LOGIN_PATH}?retour=${encodeURIComponent(returnTo)}`}>
            Se connecter avec {signIn.sso.label}
          </a>
        </p>
      )}
      {signIn.password && (
        <AccountForm
          mode="logIn"
          submitLabel="Se connecter"
          busyLabel="Connexion…"
          onSubmit={async ({ email, password }) => {
            await trpc.auth.logIn.mutate({ email, password });
            await refresh();
          }}
        />
      )}
      {signIn.password && (
        <p>
          <Link href={FORGOT_PASSWORD_PATH}>Mot de passe oublié ?</Link>
        </p>
      )}
      <p className="muted">Pas encore de compte ? Demandez une invitation à la personne qui gère votre espace de travail.</p>
    </main>
  );
}
