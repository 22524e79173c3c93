import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heading, paragraph, text, type Block } from './ExportBook.js';
import { renderPdf } from './renderPdf.js';

const dir = mkdtempSync(join(tmpdir(), 'canevas-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of each page (Poppler's pdftotext, pages split on form feeds), footer removed. */
function pages(pdf: Uint8Array): string[][] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^Page \d+ sur \d+$/.test(line)))
    .filter((lines) => lines.length > 0);
}

const table: Block = {
  kind: 'table',
  table: {
    columns: [
      { label: 'Critère', numeric: false },
      { label: 'Passage cité', numeric: false },
    ],
    rows: Array.from({ length: 3 }, (_, row) => [`Ligne ${row + 1} ${'du tableau '.repeat(20)}`, 'Citation '.repeat(30)]),
    totals: [],
    totalsColumn: 0,
    notes: [],
  },
};

const filler = (lines: number) => Array.from({ length: lines }, (_, index) => paragraph(text(`Paragraphe ${index + 1}`)));
const render = async (blocks: Block[]) => pages(await renderPdf({ title: 'Essai', blocks, lang: 'fr-FR' }));

describe('renderPdf', () => {
  it('never ends a page with a heading: it moves with the paragraph or the table it introduces', async () => {
    // Calibrate: with `lines + 1` paragraphs above, the heading alone starts a new page; with
    // `lines`, it is the last line of the page before.
    let lines = 24;
    for (;;) {
      const result = await render([...filler(lines + 1), heading(2, 'Section suivante')]);
      if (result.length > 1 && result.at(-1)?.join('|') === 'Section suivante') break;
      if (++lines > 90) throw new Error('no filler length puts the heading at the top of a page');
    }
    expect((await render([...filler(lines), heading(2, 'Section suivante')])).at(-1)?.at(-1)).toBe('Section suivante');
    for (const next of [paragraph(text('Le texte de la section.')), table]) {
      const result = await render([...filler(lines), heading(2, 'Section suivante'), next]);
      const at = result.findIndex((page) => page.includes('Section suivante'));
      expect(result[at]?.[0]).toBe('Section suivante');
      expect(result[at - 1]?.at(-1)).toBe(`Paragraphe ${lines}`);
    }
    // A dozen PDF layouts: more than the unit project's default 5 s on a busy machine.
  }, 60_000);
});
