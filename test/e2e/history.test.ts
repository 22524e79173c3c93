import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { expectNoAxeViolations } from './support/expectNoAxeViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, expectConnectedAndPersisted, expectText, textOf, typeAtEnd, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp } from './support/startApp.js';

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

it('the Ctrl+A slip of issue 16 is repaired from the history panel, by keyboard', async () => {
  const context = await signedInContext(browser, server.url, await newMember(server, 'Awa Diallo', 'owner'));
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  await page.goto(`${server.url}/`);
  await page.getByLabel('Titre du document').focus();
  await page.keyboard.type('Plan de communication');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/, { timeout: UI_TIMEOUT });
  await typeAtEnd(page, 'Objectifs : informer les habitants du quartier.');
  await expectConnectedAndPersisted(page);

  // « Enregistrer une version… », named from the keyboard.
  const history = page.getByRole('region', { name: 'Historique des versions' });
  await history.getByRole('button', { name: 'Enregistrer une version…' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Enregistrer une version' }).getByLabel('Nom de la version').waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.type('Plan validé');
  await page.keyboard.press('Enter');
  const versionButton = history.getByRole('button', { name: /^Plan validé\W+aperçu$/ });
  await versionButton.waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(page, 'history panel');

  // The slip: everything selected, then typed over.
  await editorContent(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('oups');
  await expectConnectedAndPersisted(page);
  expect(await textOf(editorContent(page))).not.toContain('Objectifs');

  // Preview, « Restaurer cette version », confirm: all by keyboard.
  await versionButton.focus();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /^Plan validé/ });
  await expectText(preview.getByRole('document', { name: 'Contenu de la version (lecture seule)' }), 'Objectifs : informer les habitants du quartier.');
  await expectNoAxeViolations(page, 'version preview');
  await preview.getByRole('button', { name: 'Restaurer cette version' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Restaurer cette version ?' });
  await confirm.waitFor({ timeout: UI_TIMEOUT });
  // « Annuler » has the focus: the safe choice; Tab reaches « Restaurer ».
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

  await expectText(editorContent(page), 'Objectifs : informer les habitants du quartier.');
  expect(await textOf(editorContent(page))).not.toContain('oups');
  await expectText(history, 'Restauration');
  await expectConnectedAndPersisted(page);
});
