import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DOCUMENT_FIELD } from '@canevas/core';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClient, newServer, newTrpcClient, runCanevas, waitFor, type TestClient, type TestServer } from '../helpers/index.js';
import { pdfText, scratchDir, storedContent } from './exportFixture.js';

/** Typed by an author as text: it must stay text in every export. */
const HTML_AS_TEXT = '<img src=x onerror=alert(1)>';
const UNSAFE_HREFS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(2)',
  'java\tscript:alert(3)',
  'vbscript:msgbox(4)',
  'data:text/html,<script>alert(5)</script>',
];
const UNSAFE_MARKERS = ['javascript', 'vbscript', 'data:text', 'alert(2)', 'alert(3)', 'msgbox', 'alert(5)'];

let server: TestServer;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let hostile: TestClient;
let documentId: string;

type Run = [text: string, attributes?: Record<string, unknown>];

/** A paragraph whose text is filled once it is in the document (a detached Y.XmlText has no length yet). */
function paragraph(...runs: Run[]): { element: Y.XmlElement; fill(): void } {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  return { element, fill: () => text.applyDelta(runs.map(([insert, attributes]) => ({ insert, ...(attributes && { attributes }) }))) };
}

/**
 * What a client could write before the server checked document shape (now refused on the socket,
 * `documentShape.test.ts`), so what a store may still hold: attributes with any name, `__proto__`
 * included, with an object as value.
 */
function olderHostileBody(): Uint8Array {
  const doc = new Y.Doc();
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', 2 as unknown as string);
  heading.setAttribute('__proto__', { polluted: 'oui', sectionId: 'injecté' } as unknown as string);
  heading.insert(0, [new Y.XmlText('Titre piégé')]);

  const prototypes = paragraph(['Attributs piégés']);
  prototypes.element.setAttribute('__proto__', 'x');
  prototypes.element.setAttribute('constructor', { prototype: { polluted: 'oui' } } as unknown as string);
  prototypes.element.setAttribute('prototype', { polluted: 'oui' } as unknown as string);
  doc.transact(() => {
    doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [heading, prototypes.element]);
    prototypes.fill();
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** What a hostile client can still write when it skips the editor: link marks with any address. */
function writeHostileLinks(doc: Y.Doc): void {
  const links = paragraph(
    ['Voir '],
    ['le lien sûr', { link: { href: 'https://exemple.org/guide' } }],
    [' puis '],
    ...UNSAFE_HREFS.map((href, index): Run => [`piège ${index + 1} `, { link: { href } }]),
    ['et ' + HTML_AS_TEXT + ' fin.'],
  );
  doc.transact(() => {
    const body = doc.getXmlFragment(DOCUMENT_FIELD);
    body.insert(body.length, [links.element]);
    links.fill();
  });
}

function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('sectionId');
}

function authorizedFetch(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.admin.token}` } });
}

async function exported(format: 'md' | 'docx' | 'pdf'): Promise<Uint8Array> {
  const response = await authorizedFetch(`/export/documents/${documentId}?format=${format}`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  server = await newServer();
  scratch = await scratchDir();
  documentId = (await newTrpcClient(server.url).documents.create.mutate({ title: 'Contenu hostile' })).id;
  await server.store.appendUpdates([{ room: documentId, update: olderHostileBody() }]);
  hostile = newClient(server.syncUrl, documentId);
  await hostile.synced;
  writeHostileLinks(hostile.doc);
  await waitFor(async () => JSON.stringify(await storedContent(server, documentId)).includes('Voir '), {
    message: () => 'the hostile body was not stored',
  });
});

afterAll(async () => {
  hostile?.destroy();
  await server?.dispose();
  await scratch?.dispose();
});

describe('content written by a hostile Yjs client, exported', () => {
  it('Markdown: unsafe links become plain text, HTML typed as text is escaped, nothing is lost', async () => {
    const markdown = new TextDecoder().decode(await exported('md'));
    for (const marker of UNSAFE_MARKERS) expect(markdown).not.toContain(marker);
    expect(markdown).toContain('Voir [le lien sûr](<https://exemple.org/guide>) puis piège 1 piège 2 piège 3 piège 4 piège 5 et \\<img src=x onerror=alert(1)\\> fin.');
    // Outside link destinations every `<` is escaped: a viewer shows it, it opens no HTML element.
    expect(markdown.replace(/\]\(<[^>]*>\)/g, '](…)')).not.toMatch(/(^|[^\\])</m);
    // Its only heading is the top of the outline: level 2 under the title, whatever level it was typed at.
    expect(markdown).toContain('\n## Titre piégé\n');
    expect(markdown).toContain('\nAttributs piégés\n');
    expectNoPollution();
  });

  it('DOCX: no unsafe hyperlink anywhere in the package, the safe one and all the text kept', async () => {
    const bytes = await exported('docx');
    const xml = Object.values(unzipSync(bytes)).map((file) => strFromU8(file)).join('\n');
    for (const marker of UNSAFE_MARKERS) expect(xml).not.toContain(marker);
    expect(xml).not.toContain('<img');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<a href="https://exemple.org/guide">le lien sûr</a>');
    expect(html).toContain('<a href="https://exemple.org/guide">le lien sûr</a> puis piège 1 piège 2 piège 3 piège 4 piège 5 et &lt;img src=x onerror=alert(1)&gt; fin.');
    expect(html).toContain('Titre piégé');
    expect(html).toContain('<p>Attributs piégés</p>');
    expectNoPollution();
  });

  it('PDF: the only link action is the safe one, and pdftotext reads all the text', async () => {
    const bytes = await exported('pdf');
    const raw = Buffer.from(bytes).toString('latin1');
    // One annotation per line fragment of the link, all to the safe address.
    const actions = new Set(raw.match(/\/URI\s*\([^)]*\)/g));
    expect([...actions]).toEqual(['/URI (https://exemple.org/guide)']);
    for (const marker of UNSAFE_MARKERS) expect(raw).not.toContain(marker);
    const text = (await pdfText(bytes, scratch.dir)).replace(/\s+/g, ' ');
    expect(text).toContain('Voir le lien sûr puis piège 1 piège 2 piège 3 piège 4 piège 5 et <img src=x onerror=alert(1)> fin.');
    expect(text).toContain('Titre piégé');
    expect(text).toContain('Attributs piégés');
    expectNoPollution();
  });

  it('the CLI export, in its own process, is as safe', async () => {
    const out = join(scratch.dir, 'hostile.md');
    const result = await runCanevas(['doc', 'export', documentId, '--format', 'md', '--out', out, '--data', server.dataDir]);
    expect(result.code).toBe(0);
    const markdown = await readFile(out, 'utf8');
    for (const marker of UNSAFE_MARKERS) expect(markdown).not.toContain(marker);
    expect(markdown).toContain('[le lien sûr](<https://exemple.org/guide>)');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('keeps serving the document: another stock client syncs the same body', async () => {
    const reader = newClient(server.syncUrl, documentId);
    try {
      await reader.synced;
      expect(reader.doc.getXmlFragment(DOCUMENT_FIELD).toString()).toBe(hostile.doc.getXmlFragment(DOCUMENT_FIELD).toString());
    } finally {
      reader.destroy();
    }
    expectNoPollution();
  });
});
