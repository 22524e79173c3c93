import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { addMember, type TestAccount, type TestServer } from '../../helpers/index.js';

/** Signs in through the API, as the login form does, and returns the session cookie's value. */
export async function sessionCookie(serverUrl: string, account: Pick<TestAccount, 'email' | 'password'>): Promise<string> {
  const response = await fetch(`${serverUrl}/trpc/auth.logIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const header = response.headers.get('set-cookie');
  if (!response.ok || !header) throw new Error(`sign-in failed (${response.status}): ${await response.text()}`);
  return header.split(';')[0]!.split('=')[1]!;
}

/** A browser context signed in as `account` (a separate person: own cookies and storage). */
export async function signedInContext(
  browser: Browser,
  serverUrl: string,
  account: Pick<TestAccount, 'email' | 'password'>,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  await context.addCookies([{ name: 'canevas_session', value: await sessionCookie(serverUrl, account), url: serverUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** A new member of the test server's workspace, named as the page will show them. */
export function newMember(server: Pick<TestServer, 'accounts' | 'admin'>, name: string, role: 'owner' | 'editor' | 'tutor' | 'viewer' = 'editor'): Promise<TestAccount> {
  return addMember(server.accounts, server.admin.workspaceId, role, name);
}
