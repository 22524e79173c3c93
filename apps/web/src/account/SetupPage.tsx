import { useEffect } from 'react';
import { trpc } from '../api/trpcClient.js';
import { PageHeading } from '../ui/PageHeading.js';
import { AccountForm } from './AccountForm.js';
import { useSession } from './SessionContext.js';

/** The very first visit of a new instance: its first account becomes the administrator. */
export function SetupPage() {
  const { refresh } = useSession();
  useEffect(() => {
    document.title = 'Premier compte — Canevas';
  }, []);
  return (
    <main id="contenu" className="page page--narrow">
      <PageHeading>Bienvenue dans Canevas</PageHeading>
      <p>
        Créez le premier compte de cette instance. Il en sera l’administrateur et deviendra propriétaire des espaces de travail existants
        (dont l’espace de démonstration).
      </p>
      <AccountForm
        mode="signUp"
        submitLabel="Créer le compte administrateur"
        busyLabel="Création…"
        onSubmit={async ({ email, password, name }) => {
          await trpc.auth.signUp.mutate({ email, password, ...(name && { name }) });
          await refresh();
        }}
      />
    </main>
  );
}
