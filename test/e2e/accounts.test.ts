import { rm } from 'node:fs/promises';
import { createServer, silentLogger, type CanevasServer } from '@canevas/sync-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newDataDir, newTrpcClient, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, expectText, typeAtEnd, UI_TIMEOUT } from './support/pageHelpers.js';
import { signedInContext } from './support/signIn.js';
import { startApp, WEB_DIST } from './support/startApp.js';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startApp(), launchChromium()]);
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function pageIn(context: BrowserContext): Promise<Page> {
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

it('the first visit of a new instance creates the administrator, who then creates a workspace', async () => {
  const dataDir = await newDataDir();
  let fresh: CanevasServer | undefined;
  try {
    fresh = await createServer({ dataDir, port: 0, webRoot: WEB_DIST, logger: silentLogger });
    const page = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
    await page.goto(`${fresh.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Canevas' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Votre nom').fill('Awa Diallo');
    await page.getByLabel('Adresse e-mail').fill('awa@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmez le mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
    await expectText(page.getByRole('alert'), 'au moins 10 caractères');
    await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe solide');
    await page.getByLabel('Confirmez le mot de passe').fill('un mot de passe solide');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
    await expectText(page.locator('.account-menu'), 'Awa Diallo (administrateur)');
    // A new instance has no workspace yet: the list offers to create one.
    await expectText(page.getByRole('region', { name: 'Espace de travail', exact: true }), 'Vous n’appartenez encore à aucun espace de travail.');
    await page.getByLabel('Nom du nouvel espace de travail').fill('Territoire de Lormont');
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('region', { name: 'Espace de travail', exact: true }), 'Votre rôle : Propriétaire');
    await page.getByLabel('Titre du document').waitFor({ timeout: UI_TIMEOUT });
  } finally {
    await fresh?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

it('refuses a wrong password with a clear message, then signs in and out', async () => {
  const page = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByLabel('Adresse e-mail').fill(server.admin.email);
  await page.getByLabel('Mot de passe').fill('pas le bon');
  await page.keyboard.press('Enter');
  await expectText(page.getByRole('alert'), 'Adresse e-mail ou mot de passe incorrect.');
  await page.getByLabel('Mot de passe').fill(server.admin.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
});

it('an owner invites a tutor, who joins by the link and reads the dossier without being able to change it', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Dossier de Léa' });
  const owner = await pageIn(await signedInContext(browser, server.url, server.admin));
  await owner.goto(`${server.url}/d/${id}`);
  await typeAtEnd(owner, 'Mon parcours professionnel.');

  await owner.goto(`${server.url}/`);
  await owner.getByRole('link', { name: 'Membres et invitations' }).click();
  await owner.getByRole('heading', { level: 1, name: 'Membres de l’espace « Espace des tests »' }).waitFor({ timeout: UI_TIMEOUT });
  await owner.getByLabel('Rôle de la personne invitée').selectOption('tutor');
  await owner.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
  const link = owner.getByLabel(/Lien à transmettre/);
  await link.waitFor({ timeout: UI_TIMEOUT });
  const invitationUrl = await link.inputValue();
  expect(invitationUrl).toMatch(new RegExp(`^${server.url}/invitation/i_[\\w-]+$`));

  const tutor = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
  await tutor.goto(invitationUrl);
  await expectText(tutor.getByRole('main'), 'en tant que tuteur');
  await tutor.getByLabel('Votre nom').fill('Marc Tuteur');
  await tutor.getByLabel('Adresse e-mail').fill('marc@exemple.fr');
  await tutor.getByLabel('Mot de passe', { exact: true }).fill('mot de passe du tuteur');
  await tutor.getByLabel('Confirmez le mot de passe').fill('mot de passe du tuteur');
  await tutor.getByRole('button', { name: 'Créer mon compte et rejoindre' }).click();
  await tutor.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
  await expectText(tutor.getByRole('region', { name: 'Espace de travail', exact: true }), 'Votre rôle : Tuteur');
  expect(await tutor.getByLabel('Titre du document').count()).toBe(0);

  await tutor.getByRole('link', { name: 'Dossier de Léa' }).click();
  await expectText(editorContent(tutor), 'Mon parcours professionnel.');
  await expectText(tutor.getByRole('note'), 'Lecture seule');
  expect(await editorContent(tutor).getAttribute('aria-readonly')).toBe('true');

  // The owner sees the new member, and can change their role.
  await owner.reload();
  await expectText(owner.getByRole('table'), 'Marc Tuteur');
  expect(await owner.getByLabel('Rôle de Marc Tuteur').inputValue()).toBe('tutor');
});

it('serves the app under a strict CSP that forbids framing, and manages API tokens from the account page with the keyboard', async () => {
  const context = await signedInContext(browser, server.url, server.admin);
  const page = await pageIn(context);
  const response = await page.goto(`${server.url}/`);
  const policy = response!.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(policy).toContain(directive);
  }
  expect(response!.headers()['x-frame-options']).toBe('DENY');

  await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('link', { name: 'Mon compte' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor({ timeout: UI_TIMEOUT });
  const tokens = page.getByRole('table', { name: 'Vos jetons d’API' });
  await expectText(tokens, 'tests');

  await page.getByLabel('Libellé').focus();
  await page.keyboard.type('Import nocturne');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  // The token is shown once, and takes the focus so that it is read and copied.
  const shown = page.getByLabel(/Jeton « Import nocturne » : copiez-le maintenant/);
  await shown.waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => shown.evaluate((element) => element === document.activeElement)).toBe(true);
  const token = await shown.inputValue();
  expect(token).toMatch(/^cnv_/);
  expect((await fetch(`${server.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

  await page.reload();
  const row = page.getByRole('row', { name: /Import nocturne/ });
  await row.waitFor({ timeout: UI_TIMEOUT });
  expect(await row.getByRole('cell').nth(3).textContent()).not.toBe('jamais');
  await page.getByRole('button', { name: 'Révoquer le jeton « Import nocturne »' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Révoquer ce jeton ?' });
  await dialog.getByRole('button', { name: 'Révoquer' }).focus();
  await page.keyboard.press('Enter');
  await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  expect((await fetch(`${server.url}/trpc/documents.list`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

  // Another page cannot frame the app (this page's console error is the point, so it is not collected).
  const framer = await context.newPage();
  const refusal = framer.waitForEvent('console', { predicate: (message) => message.text().includes("frame-ancestors 'none'"), timeout: UI_TIMEOUT });
  await framer.setContent(`<iframe title="cadre" src="${server.url}/"></iframe>`);
  await refusal;
  expect(await framer.frameLocator('iframe').locator('.app-header').count()).toBe(0);
});
