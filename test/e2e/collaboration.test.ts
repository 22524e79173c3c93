import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newTrpcClient, type TestAccount, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import {
  editorContent,
  enterName,
  expectConnectedAndPersisted,
  expectText,
  textOf,
  typeAtEnd,
  UI_TIMEOUT,
} from './support/pageHelpers.js';
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

async function newPerson(name: string) {
  // One context per person: their own account, storage and Y.Doc; presence shows the account name.
  const context = await signedInContext(browser, server.url, await newMember(server, name));
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

it('two people write in the same document, see each other, and the text survives a reload', async () => {
  const alice = await newPerson('Alice Martin');
  await alice.goto(`${server.url}/`);

  // Create from the list with the keyboard.
  await alice.getByLabel('Titre du document').focus();
  await alice.keyboard.type('Plan de communication');
  await alice.keyboard.press('Enter');
  await alice.waitForURL(/\/d\/[A-Za-z0-9_-]+$/, { timeout: UI_TIMEOUT });
  const documentUrl = alice.url();

  await alice.getByRole('heading', { level: 1, name: 'Plan de communication' }).waitFor({ timeout: UI_TIMEOUT });
  await typeAtEnd(alice, 'Objectifs de la campagne');
  await expectConnectedAndPersisted(alice);

  const bruno = await newPerson('Bruno Petit');
  await bruno.goto(documentUrl);
  await expectText(editorContent(bruno), 'Objectifs de la campagne');
  const presence = bruno.getByRole('complementary', { name: 'Participants' });
  await expectText(presence, 'Alice Martin');
  await expectText(presence, 'Bruno Petit (vous)');
  // Alice's editor still has the focus: her caret is drawn, with her name, in Bruno's editor.
  await expectText(bruno.locator('.collaboration-carets__label'), 'Alice Martin');

  await typeAtEnd(bruno, ' et calendrier');
  await expectText(editorContent(alice), 'Objectifs de la campagne et calendrier');
  await expectText(alice.getByRole('complementary', { name: 'Participants' }), 'Bruno Petit');
  await expectConnectedAndPersisted(bruno);
  await expectConnectedAndPersisted(alice);

  // The toolbar is one tab stop with arrow keys; its state follows the selection.
  await editorContent(alice).click();
  await alice.keyboard.press('Control+Home');
  const toolbar = alice.getByRole('toolbar', { name: 'Mise en forme' });
  await toolbar.getByRole('button', { name: 'Gras' }).focus();
  await alice.keyboard.press('ArrowRight');
  await alice.keyboard.press('ArrowRight');
  expect(await alice.evaluate(() => document.activeElement?.textContent)).toBe('Titre 2');
  await alice.keyboard.press('Enter');
  await expect
    .poll(() => toolbar.getByRole('button', { name: 'Titre 2' }).getAttribute('aria-pressed'), { timeout: UI_TIMEOUT })
    .toBe('true');
  await expectText(editorContent(bruno).locator('h2'), 'Objectifs de la campagne et calendrier');

  // A new name reaches the others through awareness.
  await alice.getByRole('button', { name: 'Changer de nom' }).click();
  await alice.getByLabel('Votre nom').fill('Alice M.');
  await alice.keyboard.press('Enter');
  await expectText(presence, 'Alice M.');
  await expectConnectedAndPersisted(alice);

  await alice.reload();
  // The name is remembered: no dialog this time.
  await expectText(editorContent(alice), 'Objectifs de la campagne et calendrier');
  expect(await alice.getByRole('dialog').count()).toBe(0);
  await expectText(alice.getByRole('complementary', { name: 'Participants' }), 'Alice M. (vous)');
  await editorContent(alice).locator('h2').waitFor({ timeout: UI_TIMEOUT });
  await expectConnectedAndPersisted(alice);

  // The server holds exactly one copy: nothing was seeded or duplicated by a client.
  const text = await textOf(editorContent(alice));
  expect(text.match(/Objectifs de la campagne/g)).toHaveLength(1);
});

/** Signs in through the login form, as a person at a shared computer does. */
async function signInWithForm(page: Page, account: Pick<TestAccount, 'email' | 'password'>): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor({ timeout: UI_TIMEOUT });
}

it('shows the signed-in account in presence after another person used the same browser', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Compte rendu du comité' });
  const documentUrl = `${server.url}/d/${id}`;
  const [claire, bastien] = await Promise.all([newMember(server, 'Claire'), newMember(server, 'Bastien')]);
  // A browser left with a name chosen by an older version must not name the next person.
  const shared = await browser.newContext({ locale: 'fr-FR' });
  contexts.push(shared);
  await shared.addInitScript(() => window.localStorage.setItem('canevas.user', JSON.stringify({ name: 'Ancien nom', color: '#b91c1c' })));
  const computer = await shared.newPage();
  collectPageProblems(computer, problems);
  await computer.goto(documentUrl);
  await signInWithForm(computer, claire);
  await enterName(computer, 'Claire (mairie)');

  const alice = await newPerson('Alice Martin');
  await alice.goto(documentUrl);
  const presence = alice.getByRole('complementary', { name: 'Participants' });
  await expectText(presence, 'Claire (mairie)');

  await computer.getByRole('button', { name: 'Se déconnecter' }).click();
  await signInWithForm(computer, bastien);
  await expectText(computer.getByRole('complementary', { name: 'Participants' }), 'Bastien (vous)');
  await expect.poll(() => textOf(presence), { timeout: UI_TIMEOUT }).toMatch(/^(?!.*(Claire|Ancien)).*Bastien/s);
  await typeAtEnd(computer, 'Bastien écrit.');
  await expectText(alice.locator('.collaboration-carets__label'), 'Bastien');
  await expectConnectedAndPersisted(computer);

  // The name is the account's: Claire finds hers on another computer.
  const claireElsewhere = await signedInContext(browser, server.url, claire);
  contexts.push(claireElsewhere);
  const elsewhere = await claireElsewhere.newPage();
  collectPageProblems(elsewhere, problems);
  await elsewhere.goto(documentUrl);
  await expectText(elsewhere.getByRole('complementary', { name: 'Participants' }), 'Claire (mairie) (vous)');
  expect(await elsewhere.evaluate(() => document.querySelector('.account-menu__name')?.textContent)).toContain('Claire (mairie)');
});

it('links a selected passage from the toolbar, then undoes and redoes it with the toolbar, for everyone', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Liens utiles' });
  const alice = await newPerson('Alice Martin');
  await alice.goto(`${server.url}/d/${id}`);
  await typeAtEnd(alice, 'Le site de la mairie');
  const toolbar = alice.getByRole('toolbar', { name: 'Mise en forme' });
  const link = toolbar.getByRole('button', { name: 'Lien' });
  // Nothing selected: the button says why instead of opening an empty link.
  expect(await link.getAttribute('aria-disabled')).toBe('true');
  await alice.keyboard.press('Shift+Home');
  // ProseMirror reads a keyboard selection on the next selectionchange: wait until it has.
  await expect.poll(() => link.getAttribute('aria-disabled'), { timeout: UI_TIMEOUT }).toBeNull();
  await link.click();

  const dialog = alice.getByRole('dialog', { name: 'Insérer un lien' });
  const address = dialog.getByLabel('Adresse du lien');
  await address.fill('javascript:alert(1)');
  await alice.keyboard.press('Enter');
  await expectText(dialog.getByRole('alert'), 'Indiquez une adresse web (https://exemple.fr) ou une adresse e-mail.');
  await address.fill('mairie-lens.fr');
  await alice.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  const href = (page: Page) => editorContent(page).locator('a').getAttribute('href');
  await expect.poll(() => href(alice), { timeout: UI_TIMEOUT }).toBe('https://mairie-lens.fr/');

  const bruno = await newPerson('Bruno Petit');
  await bruno.goto(`${server.url}/d/${id}`);
  await expect.poll(() => href(bruno), { timeout: UI_TIMEOUT }).toBe('https://mairie-lens.fr/');

  // « Annuler » takes back the link alone, not the words typed just before it.
  await toolbar.getByRole('button', { name: 'Annuler' }).click();
  await expect.poll(() => editorContent(bruno).locator('a').count(), { timeout: UI_TIMEOUT }).toBe(0);
  expect(await textOf(editorContent(bruno))).toContain('Le site de la mairie');
  await toolbar.getByRole('button', { name: 'Rétablir' }).click();
  await expect.poll(() => href(bruno), { timeout: UI_TIMEOUT }).toBe('https://mairie-lens.fr/');
  await expectConnectedAndPersisted(alice);
});
