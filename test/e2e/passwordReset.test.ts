import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { freePort } from '../helpers/freePort.js';
import type { TestServer } from '../helpers/index.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { expectText, UI_TIMEOUT } from './support/pageHelpers.js';
import { startApp } from './support/startApp.js';

let server: TestServer;
let smtp: TestSmtpServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([
    startApp({ port, publicUrl: `http://127.0.0.1:${port}`, mail: { smtpUrl: smtp.url, from: 'Canevas <canevas@example.org>', pollMs: 200 } }),
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
  await smtp?.close();
});

it('a user who forgot their password gets the link by e-mail, sets a new one, and signs in with it', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  await page.goto(`${server.url}/`);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByLabel('Adresse e-mail').fill(server.admin.email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expectText(page.getByRole('status'), 'un e-mail vient de lui être envoyé');

  await waitFor(() => smtp.to(server.admin.email).length === 1);
  const link = /http:\/\/127\.0\.0\.1:\d+\/mot-de-passe\/nouveau#\S+/.exec(smtp.to(server.admin.email)[0]!.text)![0];
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor({ timeout: UI_TIMEOUT });
  // The token leaves the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  await page.getByLabel('Nouveau mot de passe').fill('mon nouveau mot de passe');
  await page.getByLabel('Confirmez le mot de passe').fill('mon nouveau mot de passe');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expectText(page.getByRole('status'), 'Votre mot de passe est changé');
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByLabel('Adresse e-mail').fill(server.admin.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill('mon nouveau mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
});
