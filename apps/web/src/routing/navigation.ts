import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'list' }
  | { page: 'document'; id: string }
  | { page: 'submission'; documentId: string; submissionId: string }
  | { page: 'workspace'; id: string }
  | { page: 'invitation'; token: string }
  | { page: 'account' }
  | { page: 'forgotPassword' }
  | { page: 'resetPassword' }
  | { page: 'notFound' };

const DOCUMENT_PATH = /^\/d\/([A-Za-z0-9_-]{1,64})\/?$/;
const SUBMISSION_PATH = /^\/d\/([A-Za-z0-9_-]{1,64})\/versions\/([A-Za-z0-9_-]{1,64})\/?$/;
const WORKSPACE_PATH = /^\/espaces\/([A-Za-z0-9_-]{1,64})\/?$/;
const INVITATION_PATH = /^\/invitation\/([A-Za-z0-9_-]{1,200})\/?$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  if (pathname === ACCOUNT_PATH || pathname === `${ACCOUNT_PATH}/`) return { page: 'account' };
  if (pathname === FORGOT_PASSWORD_PATH) return { page: 'forgotPassword' };
  // The e-mail's link: the server builds it (RESET_LINK_PATH in the sync server).
  if (pathname === '/mot-de-passe/nouveau') return { page: 'resetPassword' };
  const document = DOCUMENT_PATH.exec(pathname);
  if (document?.[1]) return { page: 'document', id: document[1] };
  const submission = SUBMISSION_PATH.exec(pathname);
  if (submission?.[1] && submission[2]) return { page: 'submission', documentId: submission[1], submissionId: submission[2] };
  const workspace = WORKSPACE_PATH.exec(pathname);
  if (workspace?.[1]) return { page: 'workspace', id: workspace[1] };
  const invitation = INVITATION_PATH.exec(pathname);
  if (invitation?.[1]) return { page: 'invitation', token: invitation[1] };
  return { page: 'notFound' };
}

export const ACCOUNT_PATH = '/compte';
export const FORGOT_PASSWORD_PATH = '/mot-de-passe/oublie';

export function workspacePath(id: string): string {
  return `/espaces/${encodeURIComponent(id)}`;
}

export function documentPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}

/** The read-only view of a submitted (frozen) version. */
export function submissionPath(documentId: string, submissionId: string): string {
  return `${documentPath(documentId)}/versions/${encodeURIComponent(submissionId)}`;
}

// pushState fires no event, so navigate() notifies the same listeners popstate does.
const NAVIGATE_EVENT = 'canevas:navigate';

// Whether the next page heading should take the focus (see PageHeading).
let headingFocusPending = false;

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  headingFocusPending = true;
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function takeNavigationFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

export function yieldNavigationFocus(): void {
  headingFocusPending = true;
}

function onPopState(): void {
  headingFocusPending = true;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onPopState);
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
