import { rm } from 'node:fs/promises';
import { createServer, silentLogger, type CanevasServer } from '@canevas/sync-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { anchorFor, newClient, newDataDir, newTrpcClient, workspaceReferentials, writeInSection, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { expectNoAxeViolations } from './support/expectNoAxeViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, expectConnectedAndPersisted, expectText, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp, WEB_DIST } from './support/startApp.js';

// axe-core on every page of the app, in the states that show the most (WCAG 2.1 AA).

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startApp({ referentials: await workspaceReferentials() }), launchChromium()]);
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

function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

it('the set-up, sign-in, document list, members, account and invitation pages pass axe', async () => {
  const dataDir = await newDataDir();
  let fresh: CanevasServer | undefined;
  try {
    fresh = await createServer({ dataDir, port: 0, webRoot: WEB_DIST, logger: silentLogger });
    const setup = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
    await setup.goto(`${fresh.url}/`);
    await heading(setup, 'Bienvenue dans Canevas').waitFor({ timeout: UI_TIMEOUT });
    await expectNoAxeViolations(setup, 'première visite');
  } finally {
    await fresh?.close();
    await rm(dataDir, { recursive: true, force: true });
  }

  const visitor = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
  await visitor.goto(`${server.url}/`);
  await heading(visitor, 'Connexion').waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(visitor, 'connexion');
  // Every page names its icon, and the server has it (a missing one logs a 404 on each page).
  const icon = await visitor.locator('link[rel="icon"]').getAttribute('href');
  const iconResponse = await visitor.request.get(new URL(icon ?? '/favicon.ico', server.url).href);
  expect([iconResponse.status(), iconResponse.headers()['content-type']]).toEqual([200, 'image/svg+xml']);

  await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan de communication', referentialId: 'tzcld', templateId: 'plan-communication' });
  const owner = await pageIn(await signedInContext(browser, server.url, server.admin));
  await owner.goto(`${server.url}/`);
  await heading(owner, 'Documents').waitFor({ timeout: UI_TIMEOUT });
  await owner.getByRole('link', { name: 'Plan de communication' }).waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(owner, 'liste des documents');

  await owner.getByRole('link', { name: 'Membres et invitations' }).click();
  await heading(owner, /^Membres de/).waitFor({ timeout: UI_TIMEOUT });
  await owner.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
  const link = owner.getByLabel(/Lien à transmettre/);
  await link.waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(owner, 'membres et invitations');

  const invited = await pageIn(await browser.newContext({ locale: 'fr-FR' }));
  await invited.goto(await link.inputValue());
  await invited.getByLabel('Confirmez le mot de passe').waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(invited, 'invitation');

  await owner.goto(`${server.url}/compte`);
  await heading(owner, 'Mon compte').waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(owner, 'mon compte');
});

const SENTENCE = 'Le comité local a retenu trois objectifs pour 2027.';
const PASSAGE = 'trois objectifs';

it('the document page, as owner and as tutor, with tables, comments and the completeness panel open, and a submitted version pass axe', async () => {
  const trpc = newTrpcClient(server.url);
  const { id } = await trpc.documents.create.mutate({ title: 'Plan d’actions', referentialId: 'tzcld', templateId: 'plan-actions' });
  const writer = newClient(server.syncUrl, id);
  await writer.synced;
  writeInSection(writer.doc, 'objectifs-strategiques', SENTENCE);
  await trpc.comments.create.mutate({ documentId: id, anchor: anchorFor(writer.doc, PASSAGE), body: 'Lesquels ?' });
  writer.destroy();
  const tutorAccount = await newMember(server, 'Théo Tuteur', 'tutor');

  const owner = await pageIn(await signedInContext(browser, server.url, server.admin));
  await owner.goto(`${server.url}/d/${id}`);
  await documentShown(owner);
  await expectNoAxeViolations(owner, 'document, propriétaire');
  // A phone held upright: the same page, one column.
  await owner.setViewportSize({ width: 360, height: 740 });
  await owner.getByRole('button', { name: 'Masquer le détail' }).waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(owner, 'document, propriétaire, 360 px');

  const tutor = await pageIn(await signedInContext(browser, server.url, tutorAccount));
  await tutor.goto(`${server.url}/d/${id}`);
  await documentShown(tutor);
  const firstCriterion = tutor.locator('[data-criterion]').first();
  await firstCriterion.locator('.criterion__toggle').click();
  await firstCriterion.getByRole('button', { name: 'Enregistrer l’évaluation' }).waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(tutor, 'document, tuteur');
  await firstCriterion.getByRole('button', { name: /Commenter ce critère/ }).click();
  const dialog = tutor.getByRole('dialog', { name: 'Commenter le critère' });
  await dialog.getByLabel('Votre commentaire').waitFor({ timeout: UI_TIMEOUT });
  await expectNoAxeViolations(tutor, 'document, tuteur, dialogue « Commenter »');
  await tutor.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

  const { id: submissionId } = await trpc.submissions.create.mutate({ documentId: id, name: 'Version du comité' });
  await tutor.goto(`${server.url}/d/${id}/versions/${submissionId}`);
  await heading(tutor, 'Version du comité').waitFor({ timeout: UI_TIMEOUT });
  await expectText(tutor.getByRole('document', { name: 'Contenu de la version soumise' }), SENTENCE);
  await expectNoAxeViolations(tutor, 'version soumise');
});

/** Synced, with the action plan's table, the comment and the completeness detail shown. */
async function documentShown(page: Page): Promise<void> {
  await expectText(editorContent(page), SENTENCE);
  await expectConnectedAndPersisted(page);
  await page.locator('.typed-table').first().waitFor({ timeout: UI_TIMEOUT });
  await expectText(page.getByRole('complementary', { name: 'Commentaires' }), 'Lesquels ?');
  // Open by default on a wide screen (where the toggle is hidden).
  await page.locator('.completeness__body:not(.completeness__body--folded)').waitFor({ timeout: UI_TIMEOUT });
}
