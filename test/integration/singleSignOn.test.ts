import { SESSION_COOKIE, type AccountSummary, type OidcOptions } from '@canevas/sync-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import { HttpBrowser } from '../helpers/httpBrowser.js';
import { newServer, type TestServer } from '../helpers/newServer.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidcProvider.js';

// Single sign-on against a real OpenID Provider (oidc-provider) configured like ProConnect,
// driven over HTTP as a browser would: every redirect, cookie and form goes through the wire.

let port: number;
let provider: TestOidcProvider;
let server: TestServer;
let browser: HttpBrowser;

beforeAll(async () => {
  port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${base}/auth/oidc/callback`], postLogoutRedirectUris: [`${base}/auth/oidc/logged-out`] });
});

afterAll(async () => {
  await provider?.close();
});

function oidcOptions(overrides: Partial<OidcOptions> = {}): OidcOptions {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: provider.scopes,
    redirectUrl: `http://127.0.0.1:${port}/auth/oidc/callback`,
    acrValues: 'eidas1',
    allowedDomains: ['exemple.fr'],
    trustEmail: true,
    ...overrides,
  };
}

beforeEach(async () => {
  provider.accounts.clear();
  provider.userinfoContentTypes.length = 0;
  provider.forgeUserinfoSignature = false;
  server = await newServer({ port, oidc: oidcOptions() });
  browser = new HttpBrowser();
});

afterEach(async () => {
  await server?.dispose();
});

const onCanevas = (location: URL) => location.origin === server.url && !location.pathname.startsWith('/auth/oidc/');

/** Clicks « Se connecter avec ProConnect », types the e-mail at the provider, and returns where Canevas lands. */
async function signIn(email: string, options: { beforeCallback?: (callback: URL) => URL } = {}): Promise<URL> {
  const atProvider = await browser.follow(`${server.url}/auth/oidc/login`, {}, (location) => location.pathname.startsWith('/interaction/'));
  expect(atProvider.stoppedAt?.origin).toBe(provider.issuer);
  const form = atProvider.stoppedAt!.href;
  const page = await browser.request(form);
  expect(await page.text()).toContain('Adresse e-mail');
  const back = await browser.follow(form, { form: { email } }, (location) => location.origin === server.url);
  let callback = back.stoppedAt!;
  expect(callback.pathname).toBe('/auth/oidc/callback');
  if (options.beforeCallback) callback = options.beforeCallback(callback);
  const landed = await browser.follow(callback.href, {}, onCanevas);
  return landed.stoppedAt!;
}

async function status(): Promise<{ user: AccountSummary | null; setupRequired: boolean; signIn: { password: boolean; sso: { label: string } | null } }> {
  const response = await browser.request(`${server.url}/trpc/auth.status`);
  return ((await response.json()) as { result: { data: Awaited<ReturnType<typeof status>> } }).result.data;
}

it('creates an account at the first sign-in for an allowed domain (never an administrator), with the signed userinfo JWT’s claims', async () => {
  provider.accounts.set('awa.diallo@exemple.fr', { email: 'awa.diallo@exemple.fr', given_name: 'Awa', usual_name: 'Diallo', siret: '13002526500013', idp_id: 'fia1v2' });
  const before = await server.accounts.countUsers();
  const landed = await signIn('awa.diallo@exemple.fr');
  expect(landed.pathname).toBe('/');
  expect(landed.search).toBe('');
  const { user, signIn: methods } = await status();
  expect(user).toMatchObject({ email: 'awa.diallo@exemple.fr', name: 'Awa Diallo', isAdmin: false });
  expect(methods).toEqual({ password: true, sso: { label: 'ProConnect' } });
  expect(await server.accounts.countUsers()).toBe(before + 1);
  // ProConnect's userinfo is a signed JWT; siret and idp_id are only there, not in the ID token.
  expect(provider.userinfoContentTypes).toEqual([expect.stringMatching(/^application\/jwt/)]);
  const [login] = await server.accounts.listAudit({ userId: user!.id });
  expect(login).toMatchObject({ action: 'auth.login', detail: { via: 'oidc', linkedBy: 'created', acr: 'eidas1', siret: '13002526500013', idpId: 'fia1v2' } });
  // The pending sign-in's cookie is gone once used.
  expect(browser.cookie(server.url, 'canevas_oidc')).toBeUndefined();
});

it('links an existing account by its verified e-mail, then finds it by its identity after the e-mail changes at the provider', async () => {
  const existing = await server.accounts.createUser({ id: 'bastien', email: 'bastien@partenaire.org', name: 'Bastien', passwordHash: null, isAdmin: false, createdAt: 1 });
  const account = { email: 'bastien@partenaire.org', email_verified: true, given_name: 'Bastien' };
  provider.accounts.set('bastien@partenaire.org', account);
  await signIn('bastien@partenaire.org');
  expect((await status()).user?.id).toBe(existing.id);
  expect((await server.accounts.listAudit({ userId: existing.id })).map((entry) => entry.action)).toContain('auth.oidc_linked');

  // A new e-mail at the provider, same person (same subject): still the same account, none created.
  account.email = 'bastien.martin@partenaire.org';
  provider.accounts.set('bastien.martin@partenaire.org', account);
  browser = new HttpBrowser();
  const users = await server.accounts.countUsers();
  await signIn('bastien.martin@partenaire.org');
  expect((await status()).user?.id).toBe(existing.id);
  expect(await server.accounts.countUsers()).toBe(users);
});

it('refuses a domain that is not allowed, in French, without creating an account', async () => {
  provider.accounts.set('inconnu@ailleurs.fr', { email: 'inconnu@ailleurs.fr' });
  const users = await server.accounts.countUsers();
  const landed = await signIn('inconnu@ailleurs.fr');
  expect(landed.pathname).toBe('/');
  expect(landed.searchParams.get('connexion')).toBe('no_account');
  expect((await status()).user).toBeNull();
  expect(await server.accounts.countUsers()).toBe(users);
  expect(browser.cookie(server.url, SESSION_COOKIE)).toBeUndefined();
});

it('never reaches an existing account with an e-mail the provider says is not verified', async () => {
  await server.accounts.createUser({ id: 'chloe', email: 'chloe@exemple.fr', name: 'Chloé', passwordHash: null, isAdmin: false, createdAt: 1 });
  provider.accounts.set('chloe@exemple.fr', { email: 'chloe@exemple.fr', email_verified: false });
  const landed = await signIn('chloe@exemple.fr');
  expect(landed.searchParams.get('connexion')).toBe('email_missing');
  expect((await status()).user).toBeNull();
});

it('refuses a callback whose state is not the one this browser sent, or that no browser started', async () => {
  provider.accounts.set('awa@exemple.fr', { email: 'awa@exemple.fr' });
  const tampered = await signIn('awa@exemple.fr', {
    beforeCallback(callback) {
      const forged = new URL(callback);
      forged.searchParams.set('state', 'a-state-from-another-browser-0123456789');
      return forged;
    },
  });
  expect(tampered.searchParams.get('connexion')).toBe('expired');
  expect((await status()).user).toBeNull();

  // A link carried to another browser (login CSRF): no pending sign-in there.
  let carried: URL | undefined;
  browser = new HttpBrowser();
  await signIn('awa@exemple.fr', {
    beforeCallback(callback) {
      carried = callback;
      return callback;
    },
  });
  const elsewhere = new HttpBrowser();
  const landed = await elsewhere.follow(carried!.href, {}, onCanevas);
  expect(landed.stoppedAt?.searchParams.get('connexion')).toBe('expired');
  expect(elsewhere.cookie(server.url, SESSION_COOKIE)).toBeUndefined();
});

it('refuses an ID token whose nonce is not the one this browser sent', async () => {
  provider.accounts.set('awa@exemple.fr', { email: 'awa@exemple.fr' });
  const landed = await signIn('awa@exemple.fr', {
    beforeCallback(callback) {
      // The browser's pending sign-in now expects another nonce than the one the provider signed.
      const pending = JSON.parse(Buffer.from(browser.cookie(server.url, 'canevas_oidc')!, 'base64url').toString()) as Record<string, string>;
      browser.setCookie(server.url, 'canevas_oidc', Buffer.from(JSON.stringify({ ...pending, nonce: 'another-nonce-0123456789abcdef0123456789' })).toString('base64url'));
      return callback;
    },
  });
  expect(landed.searchParams.get('connexion')).toBe('provider');
  expect((await status()).user).toBeNull();
  expect(server.logs.events('auth.oidc_failed')).toEqual([expect.objectContaining({ reason: 'provider', message: expect.stringContaining('nonce') })]);
});

it('refuses a userinfo JWT whose signature is not the provider’s', async () => {
  provider.accounts.set('awa@exemple.fr', { email: 'awa@exemple.fr' });
  provider.forgeUserinfoSignature = true;
  const landed = await signIn('awa@exemple.fr');
  expect(landed.searchParams.get('connexion')).toBe('provider');
  expect((await status()).user).toBeNull();
  expect(await server.accounts.findUserByEmail('awa@exemple.fr')).toBeUndefined();
  expect(server.logs.events('auth.oidc_failed')).toEqual([expect.objectContaining({ reason: 'provider', message: expect.stringMatching(/signature/i) })]);
});

it('logs out at the provider too (id_token_hint), comes back to Canevas, and the session is gone', async () => {
  provider.accounts.set('awa@exemple.fr', { email: 'awa@exemple.fr' });
  await signIn('awa@exemple.fr');
  expect((await status()).user?.email).toBe('awa@exemple.fr');
  const response = await browser.request(`${server.url}/trpc/auth.logOut`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: server.url } });
  const { redirect } = ((await response.json()) as { result: { data: { ok: true; redirect?: string } } }).result.data;
  const logout = new URL(redirect!);
  expect(logout.origin).toBe(provider.issuer);
  expect(logout.searchParams.get('id_token_hint')).toMatch(/^ey/);
  expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/auth/oidc/logged-out`);
  expect((await status()).user).toBeNull();

  // The provider asks to confirm, then sends the browser back to Canevas.
  const confirm = await browser.request(logout.href);
  const html = await confirm.text();
  const action = /action="([^"]+)"/.exec(html)![1]!;
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
  const back = await browser.follow(new URL(action, provider.issuer).href, { form: { xsrf, logout: 'yes' } }, onCanevas);
  expect(back.stoppedAt?.href).toBe(`${server.url}/`);
  // The provider's session ended as well: the next sign-in asks for the e-mail again.
  const again = await browser.follow(`${server.url}/auth/oidc/login`, {}, (location) => location.pathname.startsWith('/interaction/') || location.origin === server.url);
  expect(again.stoppedAt?.pathname).toMatch(/^\/interaction\//);
});

it('with password sign-in turned off, passwords sign nobody in and the web app is told', async () => {
  await server.dispose();
  server = await newServer({ port, oidc: oidcOptions(), passwordLogin: false });
  const logIn = await browser.request(`${server.url}/trpc/auth.logIn`, {
    method: 'POST',
    body: JSON.stringify({ email: server.admin.email, password: 'whatever it is' }),
    headers: { 'content-type': 'application/json', origin: server.url },
  });
  expect(logIn.status).toBe(403);
  expect(await logIn.text()).toContain('La connexion par mot de passe est désactivée');
  expect((await status()).signIn).toEqual({ password: false, sso: { label: 'ProConnect' } });
  // The administrator made with a password reaches the same account through the provider.
  provider.accounts.set(server.admin.email, { email: server.admin.email });
  await signIn(server.admin.email);
  expect((await status()).user).toMatchObject({ email: server.admin.email, isAdmin: true });
});

it('says in French that the provider cannot be reached', async () => {
  await server.dispose();
  const down = await freePort();
  server = await newServer({ port, oidc: oidcOptions({ issuer: `http://127.0.0.1:${down}` }) });
  const landed = await browser.follow(`${server.url}/auth/oidc/login`, {}, onCanevas);
  expect(landed.stoppedAt?.searchParams.get('connexion')).toBe('unavailable');
  expect(server.logs.events('auth.oidc_failed')).toEqual([expect.objectContaining({ reason: 'unavailable' })]);
});

it('never writes a token or an authorization code to the log', async () => {
  provider.accounts.set('awa@exemple.fr', { email: 'awa@exemple.fr' });
  let code = '';
  await signIn('awa@exemple.fr', {
    beforeCallback(callback) {
      code = callback.searchParams.get('code')!;
      return callback;
    },
  });
  const session = browser.cookie(server.url, SESSION_COOKIE)!;
  const log = JSON.stringify(server.logs.entries);
  expect(code.length).toBeGreaterThan(10);
  expect(log).not.toContain(code);
  expect(log).not.toContain(session);
  expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
});
