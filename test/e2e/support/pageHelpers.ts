import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Generous deadline: turns a hang into a readable failure, never a timing assertion. */
export const UI_TIMEOUT = 20_000;

export function connectionStatus(page: Page): Locator {
  // The completeness panel's badges carry a data-status too.
  return page.locator('.connection[data-status]');
}

export function editorContent(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Contenu du document' });
}

/** Waits until the page is connected and every local edit is acknowledged as stored. */
export async function expectConnectedAndPersisted(page: Page): Promise<void> {
  const status = connectionStatus(page);
  await expect.poll(() => status.getAttribute('data-status'), { timeout: UI_TIMEOUT }).toBe('connected');
  await expect.poll(() => status.getAttribute('data-unsynced'), { timeout: UI_TIMEOUT }).toBe('false');
  expect(await status.innerText()).toContain('Connecté');
}

/**
 * Sets the name others see for this person. Signed-in people start with their account's name;
 * « Changer de nom » changes it on the account, as a user would.
 */
export async function enterName(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Changer de nom' });
  await button.waitFor({ timeout: UI_TIMEOUT });
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Votre nom').fill(name);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

/** Waits until the editor accepts input (after the first sync), then types at the end. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = editorContent(page);
  await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: UI_TIMEOUT }).toBe('true');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** The element's text with whitespace collapsed (layout does not matter, words do). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');
}

export async function expectText(locator: Locator, text: string): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout: UI_TIMEOUT }).toContain(text);
}
