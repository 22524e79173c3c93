import { useEffect } from 'react';
import { trpc } from '../api/trpcClient.js';
import { PageHeading } from '../ui/PageHeading.js';
import { AccountForm } from './AccountForm.js';
import { useSession } from './SessionContext.js';

export function LoginPage() {
  const { refresh } = useSession();
  useEffect(() => {
    document.title = 'Connexion — Canevas';
  }, []);
  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Connexion</PageHeading>
      <AccountForm
        mode="logIn"
        submitLabel="Se connecter"
        busyLabel="Connexion…"
        onSubmit={async ({ email, password }) => {
          await trpc.auth.logIn.mutate({ email, password });
          await refresh();
        }}
      />
      <p className="muted">Pas encore de compte ? Demandez une invitation à la personne qui gère votre espace de travail.</p>
    </main>
  );
}
