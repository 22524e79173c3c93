import type { Page } from 'playwright-core';

// The browser's own network reports: expected when a test aborts requests, asks for a missing
// document (HTTP 404) or deletes an open one.
const NETWORK_NOISE = [/^Failed to load resource/, /^WebSocket connection to .* failed/];

/**
 * Records uncaught exceptions and console errors of a page (y-websocket reports an unknown message
 * type there, React its warnings), so a test can assert that none happened.
 */
export function collectPageProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  // A file of the app that is missing (an icon, a chunk, a font) is a defect, unlike an API's 404.
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (response.status() === 404 && !['fetch', 'xhr', 'document', 'websocket'].includes(type)) problems.push(`404 (${type}): ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (NETWORK_NOISE.some((pattern) => pattern.test(text))) return;
    problems.push(`console.error: ${text}`);
  });
}
