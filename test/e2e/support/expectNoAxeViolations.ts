import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.1 levels A and AA, what the project commits to (issue 12). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: Promise<string> | undefined;

function axeScript(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and fails on any WCAG 2.1 AA violation, naming each rule,
 * its impact and the selectors of the elements at fault. axe is evaluated through the DevTools
 * protocol rather than a <script> tag, so a Content-Security-Policy cannot block it.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The file assigns window.axe; `undefined` keeps the evaluation's result serialisable.
    await page.evaluate(`${await axeScript()}\n;undefined`);
  }
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, WCAG_21_AA);
  const report = violations.map((violation) => `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${violation.targets.join(' | ')}`);
  expect(report, `axe, ${label}`).toEqual([]);
}
