import type { ReactNode } from 'react';
import { LoginPage } from './LoginPage.js';
import { useSession } from './SessionContext.js';
import { SetupPage } from './SetupPage.js';

/** Pages behind it need an account: the first visit creates the administrator, later ones sign in. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { session, refresh } = useSession();
  if (session.status === 'loading') {
    return (
      <main id="contenu" className="page">
        <p role="status" className="muted">
          Chargement…
        </p>
      </main>
    );
  }
  if (session.status === 'error') {
    return (
      <main id="contenu" className="page">
        <div role="alert" className="notice notice--error">
          <p>{session.message}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            Réessayer
          </button>
        </div>
      </main>
    );
  }
  if (!session.user) return session.setupRequired ? <SetupPage /> : <LoginPage signIn={session.signIn} />;
  return <>{children}</>;
}
