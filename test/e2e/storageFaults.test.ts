import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { GARBAGE, fillDisk } from '../helpers/storageFaults.js';
import { newTrpcClient, serverDatabase, type TestServer } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import { connectionStatus, editorContent, expectConnectedAndPersisted, expectText, textOf, typeAtEnd, UI_TIMEOUT } from './support/pageHelpers.js';
import { newMember, signedInContext } from './support/signIn.js';
import { startApp } from './support/startApp.js';

// Real SQLite faults on the server's own file (see test/helpers/storageFaults.ts), seen in Chromium.

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

async function openAs(name: string, url: string): Promise<Page> {
  const context = await signedInContext(browser, server.url, await newMember(server, name));
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  await page.goto(url);
  return page;
}

it('says when the disk is full, keeps what is typed, and stores it all once the disk recovers', async () => {
  const { id } = await newTrpcClient(server.url).documents.create.mutate({ title: 'Plan écrit pendant une panne' });
  const page = await openAs('Alice Martin', `${server.url}/d/${id}`);
  await typeAtEnd(page, 'Avant la panne.');
  await expectConnectedAndPersisted(page);

  const lift = fillDisk(server);
  // Large enough to need new pages in the database file, which it may not grow.
  const during = ' Pendant la panne.'.repeat(1500);
  await page.keyboard.insertText(during);
  const status = connectionStatus(page);
  await expect.poll(() => status.getAttribute('data-storage'), { timeout: UI_TIMEOUT }).toBe('full');
  await expectText(status, 'Enregistrement impossible pour l’instant (disque plein) : vos modifications sont gardées');
  expect(await status.getAttribute('data-unsynced')).toBe('true');
  // Still editable: nothing the person types is refused.
  expect(await editorContent(page).getAttribute('contenteditable')).toBe('true');

  lift();
  await expect.poll(() => status.getAttribute('data-storage'), { timeout: UI_TIMEOUT }).toBe('ok');
  await expectConnectedAndPersisted(page);
  expect(await textOf(status)).not.toContain('Enregistrement impossible');

  // What was typed during the fault is stored: a reload reads it back from the server.
  await page.reload();
  await expectText(editorContent(page), 'Avant la panne. Pendant la panne. Pendant la panne.');
  expect((await textOf(editorContent(page))).match(/Pendant la panne\./g)).toHaveLength(1500);
});

it('shows a quarantined document as such: no editor, a French explanation, its data kept', async () => {
  const api = newTrpcClient(server.url);
  const { id } = await api.documents.create.mutate({ title: 'Dossier illisible' });
  // Nobody opened it since it was created: damage its stored snapshot in place.
  const db = serverDatabase(server);
  db.prepare<[Buffer, string]>('UPDATE document_snapshots SET data = ? WHERE doc_id = ?').run(GARBAGE, id);

  const page = await openAs('Bruno Petit', `${server.url}/d/${id}`);
  const notice = page.getByTestId('document-quarantined');
  await notice.waitFor({ timeout: UI_TIMEOUT });
  expect(await notice.getAttribute('role')).toBe('alert');
  await expectText(notice, 'Ce document ne peut pas être ouvert : ses données enregistrées sont illisibles.');
  await expectText(notice, id);
  expect(await editorContent(page).count()).toBe(0);
  expect(await page.getByRole('button', { name: /Renommer/ }).count()).toBe(0);
  // The row is untouched, and the document says so in the API too.
  const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM document_snapshots WHERE doc_id = ?').get(id)!;
  expect(Buffer.compare(row.data, GARBAGE)).toBe(0);
  expect((await api.documents.get.query({ id })).quarantined).toBe(true);
  // Keyboard: the way back to the list is reachable.
  await notice.getByRole('link', { name: 'Retour à la liste des documents' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/`, { timeout: UI_TIMEOUT });
});
