import { useState } from 'react';
import { apiErrorMessage } from '../api/apiError.js';
import { Link } from '../routing/Link.js';
import { ACCOUNT_PATH } from '../routing/navigation.js';
import { useSession } from './SessionContext.js';

/** In the header: who is signed in, and signing out. */
export function AccountMenu() {
  const { session, logOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  if (session.status !== 'ready' || !session.user) return null;
  return (
    <div className="account-menu">
      <span className="account-menu__name">
        {session.user.name}
        {session.user.isAdmin && <span className="muted"> (administrateur)</span>}
      </span>
      <Link href={ACCOUNT_PATH} className="button button--quiet">
        Mon compte
      </Link>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          logOut().catch((failure: unknown) => setError(apiErrorMessage(failure)));
        }}
      >
        Se déconnecter
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
