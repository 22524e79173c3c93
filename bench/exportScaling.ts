// How export layout time grows with the document's size (issue 13: one 30 KiB word took 79 s,
// 256 KiB of words 17 s). Reports CPU time, which a busy machine disturbs less than wall time.
// Run: npx tsx bench/exportScaling.ts [pdf|docx] [--quick]
import type { Block, ExportBook } from '../apps/sync-server/src/export/ExportBook.js';
import { renderBook } from '../apps/sync-server/src/export/renderBook.js';

const format = process.argv[2] === 'docx' ? 'docx' : 'pdf';
const quick = process.argv.includes('--quick');
const KIB = 1024;
const SENTENCE = 'Le territoire vise un emploi pour chaque personne volontaire, avec l’exhaustivité comme principe. ';

const text = (value: string): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: value, marks: {} }] });

/** One word with no break opportunity at all. */
function unbrokenWord(size: number): Block[] {
  return [text('a'.repeat(size))];
}

/** Ordinary words, all in one paragraph. */
function oneParagraph(size: number): Block[] {
  return [text(SENTENCE.repeat(Math.ceil(size / SENTENCE.length)).slice(0, size))];
}

/** A document as written: a heading every few paragraphs of varied length. */
function sections(size: number): Block[] {
  const blocks: Block[] = [];
  let written = 0;
  for (let section = 1; written < size; section++) {
    blocks.push({ kind: 'heading', level: 2, inlines: [{ kind: 'text', text: `Section ${section}`, marks: {} }] });
    for (let index = 0; index < 1 + (section % 4); index++) {
      const paragraph = SENTENCE.repeat(1 + ((section * 7) % 5));
      blocks.push(text(paragraph));
      written += paragraph.length;
    }
  }
  return blocks;
}

const cases: [string, (size: number) => Block[], number[]][] = [
  ['one unbroken word', unbrokenWord, quick ? [4 * KIB, 8 * KIB] : [4 * KIB, 8 * KIB, 30 * KIB, 256 * KIB]],
  ['one paragraph of words', oneParagraph, quick ? [64 * KIB, 128 * KIB] : [64 * KIB, 128 * KIB, 256 * KIB]],
  ['sections', sections, quick ? [64 * KIB, 128 * KIB] : [64 * KIB, 256 * KIB, 1024 * KIB]],
];

console.log(`format: ${format}`);
for (const [name, make, sizes] of cases) {
  for (const size of sizes) {
    const book: ExportBook = { title: name, blocks: make(size), lang: 'fr-FR' };
    const before = process.cpuUsage();
    const bytes = await renderBook(book, format);
    const used = process.cpuUsage(before);
    const seconds = (used.user + used.system) / 1e6;
    console.log(`${name.padEnd(24)} ${`${size / KIB} KiB`.padStart(9)}  ${seconds.toFixed(2).padStart(7)} s CPU  ${(bytes.byteLength / KIB).toFixed(0).padStart(6)} KiB out`);
  }
}
