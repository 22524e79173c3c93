import { useEffect } from 'react';
import { Link } from '../routing/Link.js';
import { PageHeading } from '../ui/PageHeading.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { useCurrentUser } from './SessionContext.js';

/** `/compte`: the signed-in user's account. */
export function AccountPage() {
  const me = useCurrentUser();
  useEffect(() => {
    document.title = 'Mon compte — Canevas';
  }, []);
  return (
    <main id="contenu" className="page">
      <PageHeading>Mon compte</PageHeading>
      <p>
        <Link href="/">Retour aux documents</Link>
      </p>
      <p>
        {me.name} — {me.email}
      </p>
      <ApiTokensSection />
    </main>
  );
}
