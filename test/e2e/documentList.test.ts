import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newTrpcClient, workspaceReferentials, type TestServer, type TestTrpcClient } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, expectText, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp } from './support/startApp.js';

let server: TestServer;
let browser: Browser;
let api: TestTrpcClient;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([workspaceReferentials().then((referentials) => startApp({ referentials })), launchChromium()]);
  api = newTrpcClient(server.url);
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function newPage(name = 'Chloé'): Promise<Page> {
  const context = await signedInContext(browser, server.url, await newMember(server, name));
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

function documentList(page: Page) {
  return page.getByRole('region', { name: 'Documents de l’espace de travail' });
}

it('renames inline (Enter saves, Escape cancels) and deletes after confirmation', async () => {
  const { id: budgetId } = await api.documents.create.mutate({ title: 'Budget prévisionnel' });
  await api.documents.create.mutate({ title: 'Carte des parties prenantes' });

  // Someone has the budget open while it gets deleted.
  const reader = await newPage();
  await reader.goto(`${server.url}/d/${budgetId}`);
  await reader.getByRole('heading', { level: 1, name: 'Budget prévisionnel' }).waitFor({ timeout: UI_TIMEOUT });

  const page = await newPage();
  await page.goto(`${server.url}/`);
  const list = documentList(page);
  await expectText(list, 'Carte des parties prenantes');

  // Escape cancels and gives the focus back to the rename button.
  await page.getByRole('button', { name: 'Renommer « Carte des parties prenantes »' }).click();
  const titleInput = page.getByLabel('Nouveau titre');
  await titleInput.fill('Brouillon abandonné');
  await page.keyboard.press('Escape');
  await titleInput.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  expect(await list.innerText()).not.toContain('Brouillon abandonné');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Renommer « Carte des parties prenantes »',
  );

  // An empty title is refused inline, without a round trip.
  await page.keyboard.press('Enter');
  await titleInput.fill('   ');
  await page.keyboard.press('Enter');
  await expectText(page.getByRole('alert'), 'Le titre est obligatoire.');

  await titleInput.fill('Cartographie des acteurs');
  await page.keyboard.press('Enter');
  await titleInput.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await expectText(list, 'Cartographie des acteurs');
  expect((await api.documents.list.query()).map((doc) => doc.title).sort()).toEqual([
    'Budget prévisionnel',
    'Cartographie des acteurs',
  ]);

  // Escape in the confirmation dialog cancels the deletion.
  await page.getByRole('button', { name: 'Supprimer « Budget prévisionnel »' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Supprimer ce document ?' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  // The safe choice has the focus.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  expect(await list.innerText()).toContain('Budget prévisionnel');

  await page.getByRole('button', { name: 'Supprimer « Budget prévisionnel »' }).click();
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await expect.poll(() => list.innerText(), { timeout: UI_TIMEOUT }).not.toContain('Budget prévisionnel');
  expect((await api.documents.list.query()).map((doc) => doc.title)).toEqual(['Cartographie des acteurs']);

  // The open editor is closed by the server (4410) and says so instead of reconnecting.
  await expectText(reader.getByRole('alert'), 'Ce document n’existe pas ou a été supprimé.');
  await reader.getByRole('link', { name: 'Retour à la liste des documents' }).click();
  await expectText(documentList(reader), 'Cartographie des acteurs');
});

it('says when the server cannot be reached and recovers on retry', async () => {
  await api.documents.create.mutate({ title: 'Plan d’actions' });
  const page = await newPage();
  await page.route('**/trpc/**', (route) => route.abort('connectionrefused'));
  await page.goto(`${server.url}/`);
  await expectText(page.getByRole('alert'), 'Impossible de joindre le serveur.');

  await page.unroute('**/trpc/**');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expectText(documentList(page), 'Plan d’actions');
});

it('shows the empty state and refuses an unknown document', async () => {
  for (const doc of await api.documents.list.query()) await api.documents.delete.mutate({ id: doc.id });
  const page = await newPage();
  await page.goto(`${server.url}/`);
  await expectText(documentList(page), 'Aucun document pour l’instant.');

  await page.goto(`${server.url}/d/inexistant`);
  await expectText(page.getByRole('alert'), 'Ce document n’existe pas ou a été supprimé.');
});

it('names the referential each document follows, on its row and on the referential cards', async () => {
  await api.documents.create.mutate({ title: 'Plan de communication — Lens', referentialId: 'tzcld', templateId: 'plan-communication' });
  await api.documents.create.mutate({ title: 'Compte rendu libre' });
  const page = await newPage();
  await page.goto(`${server.url}/`);
  const rowOf = (title: string) => documentList(page).getByRole('listitem').filter({ hasText: title });
  await expectText(rowOf('Plan de communication — Lens'), 'TZCLD — coopération territoriale · Modifié le');
  await expectText(rowOf('Compte rendu libre'), 'Modifié le');
  expect(await rowOf('Compte rendu libre').innerText()).not.toContain('·');
  // TZCLD's title does not say « TZCLD »: its card names it by its short title, as CEFI's and PDIE's do.
  await expectText(page.getByRole('group', { name: 'Référentiel' }), 'TZCLD — coopération territoriale · Certification');
});

it('logs one opening per visit in the document’s access journal: by address, reload and in-app link', async () => {
  const { id } = await api.documents.create.mutate({ title: 'Journal des accès' });
  const context = await signedInContext(browser, server.url, server.admin);
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  const openings = async () => (await api.privacy.documentAccessLog.query({ documentId: id })).filter((entry) => entry.action === 'document.open').length;
  for (const visit of [1, 2, 3]) {
    if (visit === 1) await page.goto(`${server.url}/d/${id}`);
    else if (visit === 2) await page.reload();
    else {
      await page.getByRole('link', { name: /Tous les documents/ }).click();
      await documentList(page).getByRole('link', { name: 'Journal des accès' }).click();
    }
    await expect.poll(() => editorContent(page).getAttribute('contenteditable'), { timeout: UI_TIMEOUT }).toBe('true');
    // The content socket is open and synced: its opening is logged; the review socket's is not.
    await expect.poll(openings, { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(visit);
    expect(await openings()).toBe(visit);
  }
});

it('shows the whole workspace name in the picker, on a desktop and on a phone', async () => {
  const { workspaceId } = server.admin;
  await api.workspaces.rename.mutate({ workspaceId, name: 'Espace de démonstration' });
  const page = await newPage();
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}/`);
    const picker = page.getByRole('combobox', { name: 'Espace de travail', exact: true });
    await expect.poll(() => picker.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent), { timeout: UI_TIMEOUT }).toBe('Espace de démonstration');
    // The selected name, in the select's own font, fits inside it beside the arrow.
    const room = await picker.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return inner - context.measureText(select.selectedOptions[0]!.textContent!).width;
    });
    expect(room, `${viewport.width} px`).toBeGreaterThan(16);
  }
});

it('puts a deleted document in the owners’ bin, from which it comes back whole or is deleted for good', async () => {
  // What the earlier cases deleted is in the bin too: start from an empty one.
  await api.bin.empty.mutate({ workspaceId: server.admin.workspaceId });
  const { id } = await api.documents.create.mutate({ title: 'Plan de communication — brouillon' });
  const context = await signedInContext(browser, server.url, server.admin);
  contexts.push(context);
  const owner = await context.newPage();
  collectPageProblems(owner, problems);
  await owner.goto(`${server.url}/`);
  const bin = owner.getByRole('region', { name: /^Corbeille/ });
  await expectText(bin, 'La corbeille est vide.');

  await owner.getByRole('button', { name: 'Supprimer « Plan de communication — brouillon »' }).click();
  const dialog = owner.getByRole('alertdialog', { name: 'Supprimer ce document ?' });
  await expectText(dialog, 'ira dans la corbeille');
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expectText(bin, 'Plan de communication — brouillon');
  await expectText(bin, 'Supprimé le');
  expect(await documentList(owner).innerText()).not.toContain('Plan de communication — brouillon');

  // Restored, it is back in the list, under the same address.
  await bin.getByRole('button', { name: 'Restaurer « Plan de communication — brouillon »' }).click();
  await expectText(documentList(owner), 'Plan de communication — brouillon');
  await expectText(bin, 'La corbeille est vide.');
  expect((await api.documents.get.query({ id })).title).toBe('Plan de communication — brouillon');

  // Emptied, it is gone for good.
  await owner.getByRole('button', { name: 'Supprimer « Plan de communication — brouillon »' }).click();
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expectText(bin, 'Corbeille (1)');
  await bin.getByRole('button', { name: 'Vider la corbeille' }).click();
  const confirm = owner.getByRole('alertdialog', { name: 'Vider la corbeille ?' });
  await confirm.getByRole('button', { name: 'Vider la corbeille' }).click();
  await expectText(bin, 'La corbeille est vide.');
  await expect(api.documents.get.query({ id })).rejects.toThrow();

  // An editor deletes into the bin but does not see it: it is the owners’.
  const editor = await newPage('Élodie');
  await editor.goto(`${server.url}/`);
  await expectText(documentList(editor), 'Documents de l’espace de travail');
  expect(await editor.getByRole('region', { name: /^Corbeille/ }).count()).toBe(0);
});
