import { useEffect, useRef } from 'react';
import { DocumentListPage } from './documents/DocumentListPage.js';
import { DocumentPage } from './editor/DocumentPage.js';
import { Link } from './routing/Link.js';
import { parseRoute, usePathname } from './routing/navigation.js';

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const firstRender = useRef(true);

  // After a client-side navigation, screen readers and keyboards start from the new page's title.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <Link href="/" className="app-header__brand">
          Canevas
        </Link>
      </header>
      {route.page === 'list' && <DocumentListPage />}
      {route.page === 'document' && <DocumentPage key={route.id} id={route.id} />}
      {route.page === 'notFound' && (
        <main id="contenu" className="page">
          <h1 tabIndex={-1} className="page-title">
            Page introuvable
          </h1>
          <p>
            <Link href="/">Retour à la liste des documents</Link>
          </p>
        </main>
      )}
    </>
  );
}
