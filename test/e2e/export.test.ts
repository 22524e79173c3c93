import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { newTrpcClient, type TestServer, type TestTrpcClient } from '../helpers/index.js';
import { pdfText, scratchDir } from '../integration/exportFixture.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { enterName, expectConnectedAndPersisted, typeAtEnd, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp } from './support/startApp.js';

let server: TestServer;
let browser: Browser;
let api: TestTrpcClient;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  [server, browser, scratch] = await Promise.all([startApp(), launchChromium(), scratchDir()]);
  api = newTrpcClient(server.url);
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await scratch?.dispose();
});

async function newPage(): Promise<Page> {
  const context = await signedInContext(browser, server.url, await newMember(server, 'Personne'), { acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

it('« Exporter » on the document page downloads a PDF of what was just typed, with the keyboard only', async () => {
  const { id } = await api.documents.create.mutate({ title: 'Note d’opportunité' });
  const page = await newPage();
  await page.goto(`${server.url}/d/${id}`);
  await enterName(page, 'Inès');
  await typeAtEnd(page, 'Le territoire « Cœur de Loire » s’engage.');
  await expectConnectedAndPersisted(page);

  await page.getByRole('button', { name: 'Exporter', exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Exporter « Note d’opportunité »' });
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  // Word is chosen first; the arrow key moves to PDF inside the radio group.
  await dialog.getByRole('radio', { name: 'Word (.docx)' }).focus();
  await page.keyboard.press('ArrowDown');
  expect(await dialog.getByRole('radio', { name: 'PDF' }).isChecked()).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT }),
    dialog.getByRole('button', { name: 'Télécharger' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Note d’opportunité.pdf');
  const file = join(scratch.dir, 'note.pdf');
  await download.saveAs(file);
  const text = await pdfText(await readFile(file), scratch.dir);
  expect(text).toContain('Note d’opportunité');
  expect(text).toContain('Le territoire « Cœur de Loire » s’engage.');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
});

it('« Exporter le dossier » shows its progress, then downloads one Word file with a chapter per document', async () => {
  await api.documents.create.mutate({ title: 'Plan de communication' });
  const page = await newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Exporter le dossier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporter le dossier' });
  await dialog.getByLabel('Titre du dossier').fill('Dossier du comité');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT }),
    dialog.getByRole('button', { name: 'Exporter', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Dossier du comité \d{4}-\d{2}-\d{2}\.docx$/);
  await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: UI_TIMEOUT }).toContain('Dossier prêt');
  const file = join(scratch.dir, 'dossier.docx');
  await download.saveAs(file);
  const html = (await mammoth.convertToHtml({ path: file })).value;
  expect(html).toContain('<h1>Note d’opportunité</h1>');
  expect(html).toContain('<h1>Plan de communication</h1>');
});
