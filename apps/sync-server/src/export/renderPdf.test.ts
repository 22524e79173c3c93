import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { heading, paragraph, text, type Block } from './ExportBook.js';
import { renderPdf, splitPieces } from './renderPdf.js';

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

  it('lays out a paragraph longer than a text node can hold, and a heading longer than a page keeps, without losing or reordering text', async () => {
    const sentences = Array.from({ length: 1500 }, (_, index) => `Phrase numéro ${index + 1} du très long paragraphe.`);
    const title = Array.from({ length: 300 }, (_, index) => `titre${index + 1}`).join(' ');
    const result = await render([heading(2, title), paragraph(text(sentences.join(' '))), paragraph(text('Fin.'))]);
    const flat = result.flat().join(' ').replace(/\u200b/g, '');
    expect(flat.replace(/\s+/g, ' ')).toContain(`${title} ${sentences.join(' ')} Fin.`);
  }, 60_000);
});

interface TextNode {
  _inlines?: unknown[];
}

/** pdfmake's layout engine, spied on to count its work (not its time). */
const { default: LayoutBuilder } = createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { tryLayoutDocument(...args: unknown[]): unknown; buildNextLine(node: TextNode): unknown } };
};

describe('renderPdf work', () => {
  const sentence = 'Le territoire vise un emploi pour chaque personne volontaire, avec l’exhaustivité comme principe. ';

  it('lays the document out once, however many headings move to the next page', async () => {
    const blocks: Block[] = [];
    for (let section = 1; section <= 120; section++) {
      blocks.push(heading(2, `Section ${section}`));
      for (let index = 0; index < 1 + (section % 4); index++) blocks.push(paragraph(text(sentence.repeat(1 + ((section * 7) % 5)))));
    }
    const passes = vi.spyOn(LayoutBuilder.prototype, 'tryLayoutDocument');
    try {
      await renderPdf({ title: 'Essai', blocks, lang: 'fr-FR' });
      expect(passes).toHaveBeenCalledTimes(1);
    } finally {
      passes.mockRestore();
    }
  }, 60_000);

  it('never gives pdfmake a text node of thousands of words, whose lines it builds in quadratic time', async () => {
    const original = LayoutBuilder.prototype.buildNextLine;
    let largest = 0;
    const lines = vi.spyOn(LayoutBuilder.prototype, 'buildNextLine').mockImplementation(function (this: unknown, node: TextNode) {
      // Words still to place in the node when its first line is built: all of them.
      largest = Math.max(largest, node._inlines?.length ?? 0);
      return original.call(this, node);
    });
    try {
      await renderPdf({ title: 'Essai', blocks: [paragraph(text(sentence.repeat(2000))), paragraph(text('x'.repeat(64 * 1024)))], lang: 'fr-FR' });
      expect(largest).toBeGreaterThan(100);
      expect(largest).toBeLessThanOrEqual(2000);
    } finally {
      lines.mockRestore();
    }
  }, 60_000);
});

describe('splitPieces', () => {
  it('cuts styled text after a sentence or a space, within the budget, keeping each piece’s style', () => {
    const groups = splitPieces(['Un. Deux trois quatre. ', { text: 'Cinq six sept huit neuf.', bold: true }], 20);
    expect(groups).toEqual([['Un. Deux trois '], ['quatre. ', { text: 'Cinq six ', bold: true }], [{ text: 'sept huit neuf.', bold: true }]]);
    expect(splitPieces(['x'.repeat(25)], 10)).toEqual([['x'.repeat(10)], ['x'.repeat(10)], ['x'.repeat(5)]]);
  });
});
