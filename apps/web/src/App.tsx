import { lazy, Suspense } from 'react';
import { AccountMenu } from './account/AccountMenu.js';
import { AccountPage } from './account/AccountPage.js';
import { AuthGate } from './account/AuthGate.js';
import { InvitationPage } from './account/InvitationPage.js';
import { MailNotice } from './account/MailNotice.js';
import { ForgotPasswordPage, ResetPasswordPage } from './account/PasswordResetPages.js';
import { SessionProvider } from './account/SessionContext.js';
import { DocumentListPage } from './documents/DocumentListPage.js';
import { Link } from './routing/Link.js';
import { parseRoute, usePathname } from './routing/navigation.js';
import { PageHeading } from './ui/PageHeading.js';
import { WorkspaceMembersPage } from './workspaces/WorkspaceMembersPage.js';

// The editor (TipTap, Yjs, the schema) is most of the bundle; the list does not need it.
const DocumentPage = lazy(() => import('./editor/DocumentPage.js').then((module) => ({ default: module.DocumentPage })));
const SubmissionPage = lazy(() => import('./submissions/SubmissionPage.js').then((module) => ({ default: module.SubmissionPage })));

export function App() {
  const pathname = usePathname();
  const route = parseRoute(pathname);

  return (
    <SessionProvider>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <Link href="/" className="app-header__brand">
          Canevas
        </Link>
        <AccountMenu />
        <MailNotice />
      </header>
      {route.page === 'invitation' ? (
        <InvitationPage token={route.token} />
      ) : route.page === 'forgotPassword' ? (
        <ForgotPasswordPage />
      ) : route.page === 'resetPassword' ? (
        <ResetPasswordPage />
      ) : (
        <AuthGate>
          <Routes route={route} />
        </AuthGate>
      )}
    </SessionProvider>
  );
}

function Routes({ route }: { route: ReturnType<typeof parseRoute> }) {
  return (
    <>
      {route.page === 'list' && <DocumentListPage />}
      {route.page === 'account' && <AccountPage />}
      {route.page === 'workspace' && <WorkspaceMembersPage key={route.id} id={route.id} />}
      {route.page === 'document' && (
        <Suspense fallback={<EditorLoading />}>
          <DocumentPage key={route.id} id={route.id} />
        </Suspense>
      )}
      {route.page === 'submission' && (
        <Suspense fallback={<EditorLoading />}>
          <SubmissionPage key={`${route.documentId}/${route.submissionId}`} documentId={route.documentId} submissionId={route.submissionId} />
        </Suspense>
      )}
      {route.page === 'notFound' && (
        <main id="contenu" className="page">
          <PageHeading>Page introuvable</PageHeading>
          <p>
            <Link href="/">Retour à la liste des documents</Link>
          </p>
        </main>
      )}
    </>
  );
}

function EditorLoading() {
  return (
    <main id="contenu" className="page">
      <p role="status" className="muted">
        Chargement de l’éditeur…
      </p>
    </main>
  );
}
