import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newTrpcClient, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { editorContent, enterName, expectConnectedAndPersisted, expectText, textOf, UI_TIMEOUT } from './support/pageHelpers.js';
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

async function openAs(url: string, name: string): Promise<Page> {
  const context = await signedInContext(browser, server.url, await newMember(server, 'Personne'));
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  await page.goto(url);
  await enterName(page, name);
  await expect.poll(() => editorContent(page).getAttribute('contenteditable'), { timeout: UI_TIMEOUT }).toBe('true');
  return page;
}

const budget = (page: Page) => page.locator('.typed-table[data-typed-table="budget"]');
/** The rows of the table itself (the computed rows and the chart data are tables too). */
const rows = (table: Locator) => table.locator('.typed-table__grid > tbody > tr');
const cell = (page: Page, row: number, column: string) => rows(budget(page)).nth(row).locator(`td[data-column="${column}"]`);
const computed = (page: Page, id: string) => budget(page).locator(`[data-computed="${id}"] td`);

/** Clicks at the end of a cell's text and types, as a person would. */
async function typeInCell(page: Page, row: number, column: string, text: string): Promise<void> {
  const target = cell(page, row, column);
  await target.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function expectComputed(page: Page, id: string, text: string): Promise<void> {
  await expectText(computed(page, id), text);
}

async function cellText(locator: Locator): Promise<string> {
  // The cell's own text, without another person's caret.
  return locator.evaluate((element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.collaboration-carets__caret').forEach((extra) => extra.remove());
    return (clone.textContent ?? '').replace(/\s+/g, ' ');
  });
}

it('two people build a budget: totals and chart follow live, an invalid amount is flagged and kept', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Budget du projet' });
  const url = `${server.url}/d/${id}`;
  const alice = await openAs(url, 'Alice Martin');

  // Insert a budget from the toolbar, with the keyboard.
  const toolbar = alice.getByRole('toolbar', { name: 'Mise en forme' });
  await toolbar.getByRole('button', { name: 'Insérer un tableau' }).click();
  const dialog = alice.getByRole('dialog', { name: 'Insérer un tableau' });
  await expect.poll(() => alice.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: UI_TIMEOUT }).toContain('Budget (charges et produits)');
  await alice.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await budget(alice).waitFor({ timeout: UI_TIMEOUT });
  expect(await budget(alice).locator('thead th').allTextContents()).toEqual(['Poste', 'Nature', 'Catégorie', 'Montant (€)', 'Source de financement']);

  // The caret is in the first cell: type the first line, the nature from the value picker.
  await expect.poll(() => alice.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT }).toBe('document-editor');
  await alice.keyboard.type('Salaires');
  await typeInCell(alice, 0, 'nature', '');
  // As a person would, wait to see the caret's cell named and its values offered.
  const values = budget(alice).getByRole('group', { name: /Valeurs proposées pour « Nature »/ });
  await values.getByRole('button', { name: 'Charge' }).waitFor({ timeout: UI_TIMEOUT });
  await alice.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => alice.evaluate(() => document.activeElement?.textContent), { timeout: UI_TIMEOUT }).toBe('Charge');
  await alice.keyboard.press('Enter');
  await expect.poll(() => cellText(cell(alice, 0, 'nature')), { timeout: UI_TIMEOUT }).toBe('Charge');
  await expect.poll(() => values.getByRole('button', { name: 'Charge' }).getAttribute('aria-pressed'), { timeout: UI_TIMEOUT }).toBe('true');
  await typeInCell(alice, 0, 'categorie', 'Personnel');
  await typeInCell(alice, 0, 'montant', '12 000,50 €');
  await expectComputed(alice, 'charges', '12 000,50 €');
  await expectText(budget(alice).locator('figure'), '12 000,50 € de charges et 0,00 € de produits.');

  // A second line with Control+Enter, typed entirely.
  await alice.keyboard.press('Control+Enter');
  await expect.poll(() => rows(budget(alice)).count(), { timeout: UI_TIMEOUT }).toBe(2);
  await typeInCell(alice, 1, 'poste', 'Subvention du Département');
  await typeInCell(alice, 1, 'nature', 'Produit');
  await typeInCell(alice, 1, 'montant', '10\u202f000');
  await typeInCell(alice, 1, 'source', 'Subvention publique');
  await expectComputed(alice, 'produits', '10 000,00 €');
  await expectComputed(alice, 'balance', '-2 000,50 € (déficit)');
  await expectText(budget(alice).locator('figure'), 'Il manque 2 000,50 € de produits pour couvrir les charges.');
  await expectConnectedAndPersisted(alice);

  // Bruno sees the same table, totals and chart, and completes the funding.
  const bruno = await openAs(url, 'Bruno Petit');
  await expectComputed(bruno, 'charges', '12 000,50 €');
  await expectComputed(bruno, 'balance', '-2 000,50 € (déficit)');
  await expectText(budget(bruno).locator('figure'), 'Il manque 2 000,50 € de produits');
  await cell(bruno, 1, 'source').click();
  await bruno.getByRole('button', { name: 'Insérer une ligne sous la ligne 2' }).click();
  await expect.poll(() => rows(budget(bruno)).count(), { timeout: UI_TIMEOUT }).toBe(3);
  await typeInCell(bruno, 2, 'poste', 'Fondation locale');
  await typeInCell(bruno, 2, 'nature', 'produit');
  await typeInCell(bruno, 2, 'montant', '2 000,50');
  await typeInCell(bruno, 2, 'source', 'Mécénat');
  for (const page of [alice, bruno]) {
    await expectComputed(page, 'balance', '0,00 € (équilibré)');
    await expectComputed(page, 'source:Mécénat', '2 000,50 €');
    await expectText(budget(page).locator('figure'), 'Le budget est équilibré.');
  }

  // An invalid amount is flagged in its cell, for both, and left as typed; the totals skip it.
  // The row buttons name their row: no dependence on where a click lands while Bruno's edits arrive.
  await cell(alice, 2, 'montant').click();
  await alice.getByRole('button', { name: 'Insérer une ligne sous la ligne 3' }).click();
  await expect.poll(() => rows(budget(alice)).count(), { timeout: UI_TIMEOUT }).toBe(4);
  expect(await cellText(cell(alice, 3, 'montant'))).toBe('');
  await typeInCell(alice, 3, 'poste', 'Prestation');
  await typeInCell(alice, 3, 'nature', 'Charge');
  await typeInCell(alice, 3, 'montant', 'deux mille');
  for (const page of [alice, bruno]) {
    const invalid = cell(page, 3, 'montant');
    await expect.poll(() => invalid.getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
    // The cell names its message, given in words under the table (the panel renders just after).
    await expect
      .poll(async () => textOf(page.locator(`#${await invalid.getAttribute('aria-describedby')}`)), { timeout: UI_TIMEOUT })
      .toContain('Ligne 4, « Montant » : Montant illisible : « deux mille ». Écrivez par exemple 1 234,56 €.');
    expect(await cellText(invalid)).toBe('deux mille');
    await expectComputed(page, 'invalid', '1');
    await expectComputed(page, 'charges', '12 000,50 €');
  }
  await expectConnectedAndPersisted(alice);

  // Once corrected, the flag goes and the total counts it.
  await typeInCell(bruno, 3, 'montant', '');
  for (let i = 0; i < 'deux mille'.length; i++) await bruno.keyboard.press('Backspace');
  await bruno.keyboard.type('2 000');
  await expect.poll(() => cell(alice, 3, 'montant').getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBeNull();
  await expectComputed(alice, 'charges', '14 000,50 €');
  await expectComputed(alice, 'balance', '-2 000,00 € (déficit)');

  // A row goes with its button; the stored document has what both see.
  await cell(alice, 3, 'poste').click();
  await alice.getByRole('button', { name: 'Supprimer la ligne 4' }).click();
  await expect.poll(() => rows(budget(bruno)).count(), { timeout: UI_TIMEOUT }).toBe(3);
  await expectComputed(bruno, 'balance', '0,00 € (équilibré)');
  await expectConnectedAndPersisted(alice);
  await expectConnectedAndPersisted(bruno);
  await alice.reload();
  await expectComputed(alice, 'balance', '0,00 € (équilibré)');
  expect(await cellText(cell(alice, 2, 'poste'))).toBe('Fondation locale');
});

it('Tab goes cell to cell and from the last cell adds a row, typing fast; « 1234,567 » is flagged and not counted', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Budget saisi au clavier' });
  const page = await openAs(`${server.url}/d/${id}`, 'Chloé Durand');
  await page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Insérer un tableau' }).click();
  await page.getByRole('dialog', { name: 'Insérer un tableau' }).getByRole('button', { name: /Budget/ }).click();
  await budget(page).waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT }).toBe('document-editor');

  // Two lines in one go, without waiting between keys: Tab after the fifth cell makes the second line.
  const cells = ['Salaires', 'Charge', 'Personnel', '12 000', 'Subvention publique', 'Matériel', 'Charge', '', '1234,567'];
  for (const [i, text] of cells.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(text);
  }
  await expect.poll(() => rows(budget(page)).count(), { timeout: UI_TIMEOUT }).toBe(2);
  await expect.poll(() => cellText(cell(page, 1, 'montant')), { timeout: UI_TIMEOUT }).toBe('1234,567');
  expect(await Promise.all(['poste', 'nature', 'categorie', 'montant', 'source'].map((column) => cellText(cell(page, 0, column))))).toEqual([
    'Salaires',
    'Charge',
    'Personnel',
    '12 000',
    'Subvention publique',
  ]);
  expect(await cellText(cell(page, 1, 'poste'))).toBe('Matériel');
  // Shift+Tab goes back to the category left blank.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('Équipement');
  await expect.poll(() => cellText(cell(page, 1, 'categorie')), { timeout: UI_TIMEOUT }).toBe('Équipement');

  // Three decimals in euros: flagged, kept as typed, counted nowhere.
  const invalid = cell(page, 1, 'montant');
  await expect.poll(() => invalid.getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
  await expect
    .poll(async () => textOf(page.locator(`#${await invalid.getAttribute('aria-describedby')}`)), { timeout: UI_TIMEOUT })
    .toContain('Ligne 2, « Montant » : 1234,567 : au plus deux décimales pour un montant en euros.');
  expect(await cellText(invalid)).toBe('1234,567');
  await expectComputed(page, 'charges', '12 000,00 €');
  await expectComputed(page, 'invalid', '1');
  await expectText(budget(page).locator('figure'), '12 000,00 € de charges');
});

it('keeps a typed invalid date and enum value, flagged, after a reload', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan d’actions' });
  const page = await openAs(`${server.url}/d/${id}`, 'Chloé Durand');
  await page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Insérer un tableau' }).click();
  await page.getByRole('dialog', { name: 'Insérer un tableau' }).getByRole('button', { name: /Plan d’actions/ }).click();
  const plan = page.locator('.typed-table[data-typed-table="action_plan"]');
  await plan.waitFor({ timeout: UI_TIMEOUT });
  const planCell = (column: string) => rows(plan).first().locator(`td[data-column="${column}"]`);
  await page.keyboard.type('Réunion publique');
  for (const [column, text] of [['phase', 'Diagnostic'], ['echeance', '31/02/2026'], ['statut', 'Fini']] as const) {
    await planCell(column).click();
    await page.keyboard.press('End');
    await page.keyboard.type(text);
  }
  await expectConnectedAndPersisted(page);
  await page.reload();
  await expect.poll(() => planCell('echeance').getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
  const messageOf = (column: string) => async () => textOf(plan.locator(`#${await planCell(column).getAttribute('aria-describedby')}`));
  await expect.poll(messageOf('echeance'), { timeout: UI_TIMEOUT }).toContain('Date impossible : « 31/02/2026 » — février 2026 compte 28 jours.');
  await expect.poll(messageOf('statut'), { timeout: UI_TIMEOUT }).toContain('« Fini » ne fait pas partie des valeurs proposées');
  expect(await planCell('echeance').getAttribute('data-error')).toBe('Date impossible : « 31/02/2026 » — février 2026 compte 28 jours.');
  expect(await cellText(planCell('echeance'))).toContain('31/02/2026');
  expect(await planCell('phase').getAttribute('aria-invalid')).toBeNull();
  await expectText(plan.locator('figure'), '1 action réparties sur 4 phases, dont 3 sans action.');
});
