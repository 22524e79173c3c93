import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import type { TestServer } from '../helpers/index.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidcProvider.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { expectText, UI_TIMEOUT } from './support/pageHelpers.js';
import { startApp } from './support/startApp.js';

let server: TestServer;
let provider: TestOidcProvider;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${base}/auth/oidc/callback`], postLogoutRedirectUris: [`${base}/auth/oidc/logged-out`] });
  [server, browser] = await Promise.all([
    startApp({
      port,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        scopes: provider.scopes,
        redirectUrl: `${base}/auth/oidc/callback`,
        acrValues: 'eidas1',
        allowedDomains: ['exemple.fr'],
        trustEmail: true,
      },
    }),
    launchChromium(),
  ]);
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await provider?.close();
});

it('signs in with « Se connecter avec ProConnect »: the provider’s form, then back in Canevas, signed in', async () => {
  provider.accounts.set('awa.diallo@exemple.fr', { email: 'awa.diallo@exemple.fr', given_name: 'Awa', usual_name: 'Diallo', siret: '13002526500013', idp_id: 'fia1v2' });
  const context = await browser.newContext({ locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('link', { name: 'Se connecter avec ProConnect' }).click();
  // At the provider: its own page, its own origin.
  await page.getByRole('heading', { name: 'Fournisseur d’identité de test' }).waitFor({ timeout: UI_TIMEOUT });
  expect(new URL(page.url()).origin).toBe(provider.issuer);
  await page.getByLabel('Adresse e-mail').fill('awa.diallo@exemple.fr');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
  expect(new URL(page.url()).origin).toBe(server.url);
  await expectText(page.locator('.account-menu'), 'Awa Diallo');

  // Signing out ends the provider's session too, and comes back to Canevas's sign-in page.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL((url) => url.origin === provider.issuer, { timeout: UI_TIMEOUT });
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
  expect(page.url()).toBe(`${server.url}/`);
});
