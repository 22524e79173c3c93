import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import {
  editorContent,
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
