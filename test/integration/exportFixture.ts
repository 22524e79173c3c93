import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { tablePresets, yDocToProseMirrorJSON, type ProseMirrorJSON } from '@canevas/core';
import { proseMirrorJSONToUpdate } from '@canevas/core/editor';
import * as Y from 'yjs';
import { newClient, waitFor, type TestClient, type TestServer } from '../helpers/index.js';

const run = promisify(execFile);

const t = (text: string, marks: ProseMirrorJSON['marks'] = []): ProseMirrorJSON => ({ type: 'text', text, ...(marks.length > 0 && { marks }) });
const p = (...content: ProseMirrorJSON[]): ProseMirrorJSON => ({ type: 'paragraph', content });
const h = (level: number, text: string): ProseMirrorJSON => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const item = (text: string): ProseMirrorJSON => ({ type: 'listItem', content: [p(t(text))] });
const cell = (column: string, text: string): ProseMirrorJSON => ({ type: 'typedTableCell', attrs: { column }, content: text ? [t(text)] : [] });

function budgetRow(poste: string, nature: string, montant: string, source = ''): ProseMirrorJSON {
  return { type: 'typedTableRow', content: [cell('poste', poste), cell('nature', nature), cell('categorie', ''), cell('montant', montant), cell('source', source)] };
}

/** The passage that tests link as evidence and then delete (« détaché »). */
export const DELETED_PASSAGE = 'La gouvernance partagée sera votée en comité local.';
export const KEPT_PASSAGE = 'un emploi pour chaque personne volontaire';

/**
 * A document as authors write it: headings, marks, a safe and a `javascript:` link, raw HTML
 * typed as text, both kinds of list, and a budget typed table (charges 15 500 €, produits 15 500 €).
 */
export function projectContent(): ProseMirrorJSON {
  return {
    type: 'doc',
    content: [
      h(1, 'Présentation du projet'),
      p(
        t('Le territoire « Cœur de Loire » vise '),
        t(KEPT_PASSAGE, [{ type: 'bold' }]),
        t(', avec l’'),
        t('exhaustivité', [{ type: 'italic' }]),
        t(' comme principe. Voir '),
        t('le site', [{ type: 'link', attrs: { href: 'https://www.tzcld.fr/' } }]),
        t(' et '),
        t('ce lien piégé', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        t('. <script>alert("xss")</script>'),
      ),
      { type: 'bulletList', content: [item('Comité local pour l’emploi'), item('Entreprise à but d’emploi')] },
      { type: 'orderedList', attrs: { start: 1 }, content: [item('Mobiliser le territoire'), item('Ouvrir l’entreprise')] },
      h(2, 'Budget prévisionnel'),
      {
        type: 'typedTable',
        attrs: { kind: 'budget', columns: tablePresets.budget.columns, sectionId: null },
        content: [
          budgetRow('Salaires', 'Charge', '12 500,00 €'),
          budgetRow('Locaux', 'Charge', '3 000'),
          budgetRow('Subvention départementale', 'Produit', '15 500', 'Subvention publique'),
        ],
      },
      h(2, 'Gouvernance'),
      p(t(DELETED_PASSAGE)),
    ],
  };
}

/** Writes `content` into an empty document through a stock y-websocket client, until stored. */
export async function writeContent(server: TestServer, id: string, content: ProseMirrorJSON): Promise<TestClient> {
  const writer = newClient(server.syncUrl, id);
  await writer.synced;
  Y.applyUpdate(writer.doc, proseMirrorJSONToUpdate(content));
  const expected = JSON.stringify(content.content?.at(-1));
  await waitFor(async () => JSON.stringify((await storedContent(server, id)).content?.at(-1)) === expected, {
    message: () => `document ${id} not stored`,
  });
  return writer;
}

export async function storedContent(server: TestServer, id: string): Promise<ProseMirrorJSON> {
  const stored = await server.store.loadDocument(id);
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  const json = yDocToProseMirrorJSON(doc);
  doc.destroy();
  return json;
}

/** A scratch folder for the files a test writes, removed by `dispose`. */
export async function scratchDir(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-export-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Poppler's pdftoppm renders each page to an image: the number of images is the page count. */
export async function renderedPageCount(pdf: Uint8Array, dir: string): Promise<number> {
  const file = join(dir, `rendered-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const prefix = `${file}-page`;
  await run('pdftoppm', ['-r', '12', '-png', file, prefix]);
  const pages = (await readdir(dir)).filter((name) => name.startsWith(`${file.split('/').at(-1)}-page`) && name.endsWith('.png'));
  return pages.length;
}

export async function pdfText(pdf: Uint8Array, dir: string): Promise<string> {
  const file = join(dir, `text-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** The text of one page (1-based). */
export async function pdfPageText(pdf: Uint8Array, dir: string, page: number): Promise<string> {
  const file = join(dir, `page-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return stdout;
}

/** `pdffonts`: one line per font, with whether it is embedded. */
export async function pdfFonts(pdf: Uint8Array, dir: string): Promise<string> {
  const file = join(dir, `fonts-${Date.now()}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdffonts', [file]);
  return stdout;
}

/** The ToUnicode maps of the embedded fonts: which characters the PDF's glyphs stand for. */
export function pdfUnicodeMaps(pdf: Uint8Array): string {
  const source = Buffer.from(pdf).toString('latin1');
  const maps: string[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    try {
      const text = inflateSync(Buffer.from(source.slice(start, end), 'latin1')).toString('latin1');
      if (text.includes('begincmap')) maps.push(text);
    } catch {
      // Not a Flate stream (images, fonts already handled): skip it.
    }
  }
  return maps.join('\n');
}
