import { rm } from 'node:fs/promises';
import { createServer, silentLogger, type CanevasServer } from '@canevas/sync-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrapAdmin, newDataDir, newTrpcClient, rememberServerToken, type TestAccount } from '../helpers/index.js';
import { collectPageProblems } from './support/collectPageProblems.js';
import { launchChromium } from './support/launchChromium.js';
import {
  connectionStatus,
  editorContent,
  expectConnectedAndPersisted,
  expectText,
  typeAtEnd,
  UI_TIMEOUT,
} from './support/pageHelpers.js';
import { signedInContext } from './support/signIn.js';
import { WEB_DIST } from './support/startApp.js';

let browser: Browser;
let dataDir: string;
let server: CanevasServer | undefined;
let admin: TestAccount;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

function start(port = 0): Promise<CanevasServer> {
  return createServer({ dataDir, port, webRoot: WEB_DIST, logger: silentLogger });
}

beforeAll(async () => {
  dataDir = await newDataDir();
  [server, browser] = await Promise.all([start(), launchChromium()]);
  admin = await bootstrapAdmin(server.accounts);
  rememberServerToken(server.url, admin.token);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await signedInContext(browser, server!.url, admin);
  contexts.push(context);
  const page = await context.newPage();
  collectPageProblems(page, problems);
  return page;
}

/** Asks the page to unload and reports whether it objected (a beforeunload dialog, dismissed). */
async function objectsToLeaving(page: Page): Promise<boolean> {
  const dialog = page.waitForEvent('dialog', { timeout: UI_TIMEOUT }).then(async (shown) => {
    const type = shown.type();
    await shown.dismiss();
    return type === 'beforeunload';
  });
  await page.close({ runBeforeUnload: true });
  return dialog;
}

it('keeps edits made while the server is down, warns before leaving, and stores them on reconnect', async () => {
  const running = server!;
  const { id } = await newTrpcClient(running.url).documents.create.mutate({ title: 'Compte rendu du comité' });
  const page = await newPage();
  const documentUrl = `${running.url}/d/${id}`;
  await page.goto(documentUrl);
  await typeAtEnd(page, 'Présents : six personnes.');
  await expectConnectedAndPersisted(page);

  const port = running.port;
  await running.close();
  server = undefined;
  await expect.poll(() => connectionStatus(page).getAttribute('data-status'), { timeout: UI_TIMEOUT }).toBe('offline');
  expect(await connectionStatus(page).textContent()).toContain('Hors ligne');

  await typeAtEnd(page, ' Décision : lancer la campagne.');
  await expect.poll(() => connectionStatus(page).getAttribute('data-unsynced'), { timeout: UI_TIMEOUT }).toBe('true');
  await expectText(connectionStatus(page), 'Vos dernières modifications seront envoyées au retour de la connexion.');
  expect(await objectsToLeaving(page)).toBe(true);

  // Same data folder and port: the provider reconnects by itself and sends what it kept.
  server = await start(port);
  await expectConnectedAndPersisted(page);

  const reader = await newPage();
  await reader.goto(documentUrl);
  await expectText(editorContent(reader), 'Présents : six personnes. Décision : lancer la campagne.');

  // Everything is stored: leaving no longer asks.
  const closed = page.waitForEvent('close', { timeout: UI_TIMEOUT });
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toBe(false);
  expect(problems).toEqual([]);
});
