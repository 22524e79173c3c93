import { completenessWording, DOCUMENT_FIELD, formatEuros, readAssessments, readReviewState, reviewRoomOf, type ReferentialManifest } from '@canevas/core';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCompleteness } from '../../apps/web/src/completeness/computeCompleteness.js';
import {
  addMember,
  anchorFor,
  newOutsider,
  newClient,
  newServer,
  newTrpcClient,
  waitFor,
  workspaceReferentials,
  type TestClient,
  type TestServer,
} from '../helpers/index.js';
import {
  DELETED_PASSAGE,
  KEPT_PASSAGE,
  pdfFonts,
  pdfPageText,
  pdfUnicodeMaps,
  pdfText,
  projectContent,
  renderedPageCount,
  scratchDir,
  storedContent,
  writeContent,
} from './exportFixture.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TITLE = 'Projet « Cœur de Loire » : "budget"/2027';

let server: TestServer;

/** Downloads as the test administrator (exports need read access). */
function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${server.admin.token}` } });
}
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let writer: TestClient;
let tzcld: ReferentialManifest;
let projectId: string;
let planId: string;

beforeAll(async () => {
  const referentials = await workspaceReferentials();
  tzcld = referentials.registry.get('tzcld')!;
  server = await newServer({ referentials });
  scratch = await scratchDir();
  const api = newTrpcClient(server.url);
  projectId = (await api.documents.create.mutate({ title: TITLE, referentialId: 'tzcld' })).id;
  planId = (await api.documents.create.mutate({ title: 'Plan de communication' })).id;
  writer = await writeContent(server, projectId, projectContent());
  (await writeContent(server, planId, { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Cibles et messages' }] }] })).destroy();

  // One passage stays, the other is deleted after being linked: its link becomes « détaché ».
  await api.evidence.add.mutate({ documentId: projectId, anchor: anchorFor(writer.doc, KEPT_PASSAGE), nodeIds: ['cp2-c2'] });
  await api.evidence.add.mutate({ documentId: projectId, anchor: anchorFor(writer.doc, DELETED_PASSAGE), nodeIds: ['cp2-c1'] });
  const body = writer.doc.getXmlFragment(DOCUMENT_FIELD);
  body.delete(body.length - 1, 1);
  await waitFor(async () => !JSON.stringify(await storedContent(server, projectId)).includes(DELETED_PASSAGE));
});

afterAll(async () => {
  writer?.destroy();
  await server?.dispose();
  await scratch?.dispose();
});

async function download(path: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await authorizedFetch(`${server.url}${path}`);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const criterion = (id: string) => tzcld.nodes.find((node) => node.id === id)!;

describe('document export', () => {
  it('DOCX: read back with mammoth, it has the heading styles, the lists, the table cells and the computed totals', async () => {
    const { response, bytes } = await download(`/export/documents/${projectId}?format=docx`);
    expect(response.status).toBe(200);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;

    // mammoth makes <h1>/<h2> only from Word's Heading 1/Heading 2 styles.
    expect(html).toContain('<h1>Présentation du projet</h1>');
    expect(html).toContain('<h2>Budget prévisionnel</h2>');
    expect(html).toContain('<ul><li>Comité local pour l’emploi</li><li>Entreprise à but d’emploi</li></ul>');
    expect(html).toContain('<ol><li>Mobiliser le territoire</li>');
    expect(html).toMatch(/<thead><tr><th><p><strong>Poste<\/strong><\/p><\/th><th><p><strong>Nature<\/strong>/);
    for (const cell of ['Salaires', '12 500,00 €', 'Subvention départementale', 'Subvention publique']) expect(html).toContain(`<p>${cell}</p>`);
    expect(html).toContain(`<td colspan="3"><p><strong>Total des charges</strong></p></td><td colspan="2"><p><strong>${formatEuros(15500)}</strong>`);
    expect(html).toContain(`<strong>Total des produits</strong>`);
    expect(html).toContain(`<strong>${formatEuros(0)} (équilibré)</strong>`);
    expect(html).toContain('<strong>' + KEPT_PASSAGE + '</strong>');
    expect(html).toContain('<em>exhaustivité</em>');

    // Dangerous content stays text: the javascript: link is plain text, the HTML is escaped.
    expect(html).toContain('<a href="https://www.tzcld.fr/">le site</a>');
    expect(html).toContain(' et ce lien piégé. &lt;script&gt;alert("xss")&lt;/script&gt;');
    const files = unzipSync(bytes);
    const xml = Object.values(files).map((file) => strFromU8(file)).join('\n');
    expect(xml).not.toContain('javascript:');
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:pStyle w:val="Heading1"/>');
    // « Page n sur N » fields in the footer.
    const footer = Object.entries(files).find(([name]) => name.startsWith('word/footer'))![1];
    expect(strFromU8(footer)).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('PDF: pdftoppm renders the expected pages, pdftotext finds the text with accents, fonts are embedded', async () => {
    const { response, bytes } = await download(`/export/documents/${projectId}?format=pdf`);
    expect(response.status).toBe(200);
    expect(await renderedPageCount(bytes, scratch.dir)).toBe(1);
    const text = await pdfText(bytes, scratch.dir);
    for (const expected of ['Présentation du projet', 'Cœur de Loire', 'Budget prévisionnel', 'Salaires', 'Subvention publique', 'Total des charges', 'Page 1 sur 1']) {
      expect(text).toContain(expected);
    }
    // pdftotext prints every kind of space as a plain one; the PDF itself maps a glyph to U+202F,
    // the narrow no-break space of « 15 500,00 € » (the font has it: see pdfMaker.test.ts).
    expect(formatEuros(15500)).toContain('\u202f');
    expect(text).toContain(formatEuros(15500).replace(/\s/g, ' '));
    expect(pdfUnicodeMaps(bytes).toLowerCase()).toMatch(/<202f>/);
    expect(text).toContain('<script>alert("xss")</script>');
    // Only the safe link became a PDF link annotation.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/URI (https://www.tzcld.fr/)');
    expect(raw).not.toContain('javascript');
    const fonts = await pdfFonts(bytes, scratch.dir);
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('Markdown: headings, a table with its totals, dangerous content escaped', async () => {
    const { response, bytes } = await download(`/export/documents/${projectId}?format=md`);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = new TextDecoder().decode(bytes);
    expect(markdown).toMatch(/^# Projet « Cœur de Loire » : "budget"\/2027\n/);
    expect(markdown).toContain('\n## Présentation du projet\n');
    expect(markdown).toContain('\n### Budget prévisionnel\n');
    expect(markdown).toContain('| Poste | Nature | Catégorie | Montant | Source de financement |\n| --- | --- | --- | ---: | --- |\n| Salaires | Charge |  | 12 500,00 € |  |');
    expect(markdown).toContain(`| **Total des charges** |  |  | **${formatEuros(15500)}** |  |`);
    expect(markdown).toContain('- Comité local pour l’emploi\n- Entreprise à but d’emploi');
    expect(markdown).toContain('[le site](<https://www.tzcld.fr/>)');
    expect(markdown).toContain(' et ce lien piégé. \\<script\\>alert("xss")\\</script\\>');
    expect(markdown).not.toContain('javascript:');
  });

  it('the evidence annex gives each criterion’s code, label and quote, and flags the « détaché » one', async () => {
    const { bytes } = await download(`/export/documents/${projectId}?format=md&evidence=1`);
    const markdown = new TextDecoder().decode(bytes);
    expect(markdown).toContain('## Annexe — Preuves liées aux critères');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    const kept = rows.find((row) => row.includes(KEPT_PASSAGE));
    const detached = rows.find((row) => row.includes(DELETED_PASSAGE));
    expect(kept).toBe(`| ${criterion('cp2-c2').code} | ${criterion('cp2-c2').label} | « ${KEPT_PASSAGE} » | rattaché |`);
    expect(detached).toBe(`| ${criterion('cp2-c1').code} | ${criterion('cp2-c1').label} | « ${DELETED_PASSAGE} » | détaché (passage supprimé) |`);
    expect(markdown).toContain('1 passage détaché');
  });
});

describe('the download route', () => {
  it('names the file from the title (ASCII and RFC 5987) with the format’s MIME type', async () => {
    for (const [format, mime] of [['docx', DOCX_MIME], ['pdf', 'application/pdf'], ['md', 'text/markdown; charset=utf-8']] as const) {
      const { response, bytes } = await download(`/export/documents/${projectId}?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(mime);
      expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition).toBe(
        `attachment; filename="Projet-Coeur-de-Loire-budget-2027.${format}"; filename*=UTF-8''${encodeURIComponent(`Projet « Cœur de Loire » budget 2027.${format}`)}`,
      );
    }
    const head = await authorizedFetch(`${server.url}/export/documents/${projectId}?format=pdf`, { method: 'HEAD' });
    expect(head.headers.get('content-type')).toBe('application/pdf');
  });

  it('answers 404 in French for an unknown document and 400 for an unknown format', async () => {
    const missing = await authorizedFetch(`${server.url}/export/documents/inconnu?format=pdf`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Document introuvable : « inconnu ».');

    const badFormat = await authorizedFetch(`${server.url}/export/documents/${projectId}?format=odt`);
    expect(badFormat.status).toBe(400);
    expect(await badFormat.text()).toBe('Format inconnu : « odt ». Formats possibles : docx, pdf, md.');

    const post = await authorizedFetch(`${server.url}/export/documents/${projectId}?format=pdf`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('« Exporter le dossier »', () => {
  it('runs as a job with progress, then gives one PDF: a chapter per document and the completeness annex', async () => {
    const started = await authorizedFetch(`${server.url}/export/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'pdf', documentIds: [projectId, planId], title: 'Dossier de candidature' }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let status: { state: string; completed?: number; total?: number } = { state: 'running' };
    await waitFor(async () => {
      status = (await (await authorizedFetch(`${server.url}/export/jobs/${id}`)).json()) as typeof status;
      return status.state !== 'running';
    });
    expect(status).toMatchObject({ state: 'done', completed: 3, total: 3 });

    const { response, bytes } = await download(`/export/jobs/${id}/file`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    // Title and contents on page 1, each chapter on its own page, then the annex; every page numbered.
    const pages = await renderedPageCount(bytes, scratch.dir);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = await pdfText(bytes, scratch.dir);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).not.toContain(`Page ${pages + 1} sur`);
    const firstLines = await Promise.all([1, 2, 3, 4].map(async (page) => (await pdfPageText(bytes, scratch.dir, page)).trimStart().split('\n')[0]));
    expect(firstLines).toEqual(['Dossier de candidature', TITLE, 'Plan de communication', 'Annexe — Complétude du dossier']);
    expect(text).toContain('Complétude :');
    expect(text).toContain(criterion('cp2-c2').code!);
  });

  it('gives a DOCX whose chapters are Heading 1 and whose document headings move one level down', async () => {
    const { response, bytes } = await download(`/export/dossier?format=docx&ids=${projectId},${planId}`);
    expect(response.status).toBe(200);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain('<h2>Présentation du projet</h2>');
    expect(html).toContain('<h3>Budget prévisionnel</h3>');
    expect(html).toContain('<h1>Plan de communication</h1><p><em>Modifié le');
    expect(html).toContain('<h1>Annexe — Complétude du dossier</h1>');
    expect(html).toMatch(/<h2>Projet « Cœur de Loire »[^<]*<\/h2><p><strong>Référentiel : <\/strong>TZCLD/);
    expect(html).toContain('<strong>À compléter</strong>');

    // A workspace's dossier holds its documents only (accounts will decide who may ask for it).
    const api = newTrpcClient(server.url);
    const atelier = await api.workspaces.create.mutate({ name: 'Atelier' });
    await api.documents.create.mutate({ title: 'Fiche action de l’atelier', workspaceId: atelier.id });
    const workspace = new TextDecoder().decode((await download(`/export/dossier?format=md&workspace=${atelier.id}`)).bytes);
    expect(workspace).toContain('\n## Fiche action de l’atelier\n');
    expect(workspace).not.toContain('Plan de communication');
    const emptyWorkspace = await api.workspaces.create.mutate({ name: 'Vide' });
    const empty = await authorizedFetch(`${server.url}/export/dossier?format=md&workspace=${emptyWorkspace.id}`);
    expect(empty.status).toBe(404);
    expect(await empty.text()).toBe('Aucun document à exporter.');
    // Someone else's workspace looks missing.
    expect((await authorizedFetch(`${server.url}/export/dossier?format=md&workspace=vide`)).status).toBe(404);

    const unknown = await authorizedFetch(`${server.url}/export/dossier?format=docx&ids=${projectId},absent`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Document introuvable : « absent ».');
  });
});

describe('export job access', () => {
  it('gives a job’s status and file only to a signed-in caller who may read its documents, on every call', async () => {
    const started = await authorizedFetch(`${server.url}/export/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'md', documentIds: [planId] }),
    });
    const { id } = (await started.json()) as { id: string };
    await waitFor(async () => ((await (await authorizedFetch(`${server.url}/export/jobs/${id}`)).json()) as { state: string }).state === 'done', {
      timeoutMs: 60_000,
    });

    const stranger = await newOutsider(server.accounts);
    await server.accounts.createWorkspace({ id: 'ws-ailleurs', name: 'Ailleurs', ownerId: stranger.userId, createdAt: Date.now() });
    const viewer = await addMember(server.accounts, server.admin.workspaceId, 'viewer');
    for (const path of [`/export/jobs/${id}`, `/export/jobs/${id}/file`]) {
      const anonymous = await fetch(`${server.url}${path}`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).toBe('Connectez-vous pour exporter.');
      const foreign = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${stranger.token}` } });
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).not.toContain('Plan de communication');
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${viewer.token}` } })).status).toBe(200);
    }
    // An unknown id asks for credentials first, like a known one.
    expect((await fetch(`${server.url}/export/jobs/inconnu`)).status).toBe(401);
    expect((await fetch(`${server.url}/export/jobs/inconnu`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
  });
});

describe('long text', () => {
  it('exports as PDF a document with a 100 KiB unbroken word, every character of it in order', async () => {
    // Letters and digits with no break opportunity between them (UAX #14), each chunk unique.
    const word = Array.from({ length: 30_000 }, (_, index) => index.toString(36).padStart(4, '0')).join('').slice(0, 100 * 1024);
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({ title: 'Mot sans fin', workspaceId: server.admin.workspaceId });
    const text = { type: 'text', text: `Avant ${word} après.` };
    (await writeContent(server, id, { type: 'doc', content: [{ type: 'paragraph', content: [text] }] })).destroy();

    const { response, bytes } = await download(`/export/documents/${id}?format=pdf`);
    expect(response.status).toBe(200);
    // pdftotext prints each line on its own and the page footers between them; the breaks are
    // invisible zero-width spaces.
    const extracted = (await pdfText(bytes, scratch.dir)).replace(/^Page \d+ sur \d+$/gm, '').replace(/[\s\u200b]/gu, '');
    expect(extracted).toContain(`Avant${word}après.`);

    // Word gets the same invisible break opportunities.
    const docx = await download(`/export/documents/${id}?format=docx`);
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) })).value;
    expect(raw).toContain('\u200b');
    expect(raw.replaceAll('\u200b', '')).toContain(`Avant ${word} après.`);
  }, 180_000);
});
describe('the completeness annex and the live panel', () => {
  it('say the same of a dossier with assessments: decision, levels, statuses and evidence', async () => {
    const api = newTrpcClient(server.url);
    const { id } = await api.documents.create.mutate({
      title: 'Dossier de validation évalué',
      referentialId: 'anpe',
      templateId: 'dossier-validation',
      workspaceId: server.admin.workspaceId,
    });
    const tutor = await addMember(server.accounts, server.admin.workspaceId, 'tutor', 'Inès');
    const manifest = (await workspaceReferentials()).registry.get('anpe')!;
    const keys = manifest.nodes.filter((node) => node.key);
    // One key competency assessed below the required level, the others not yet.
    await newTrpcClient(server.url, { token: tutor.token }).assessments.set.mutate({ documentId: id, nodeId: keys[0]!.id, level: 'partiellement-maitrisee' });

    const content = newClient(server.syncUrl, id);
    const review = newClient(server.syncUrl, reviewRoomOf(id));
    try {
      await Promise.all([content.synced, review.synced]);
      await waitFor(() => readAssessments(review.doc).length === 1);
      // What the completeness panel computes in the browser, from the same rooms.
      const { report } = computeCompleteness({
        manifest,
        templateId: 'dossier-validation',
        contentDoc: content.doc,
        ...readReviewState(content.doc, review.doc),
        ruleFunctions: {},
      });
      const panel = completenessWording(manifest, report);
      expect(panel.decision.label).toBe(`En cours d’évaluation (1 compétence clé évaluée sur ${keys.length})`);

      const markdown = new TextDecoder().decode((await download(`/export/dossier?format=md&ids=${id}`)).bytes);
      const annex = markdown.slice(markdown.indexOf('## Annexe — Complétude du dossier'));
      expect(annex).toContain(`**Décision :** ${panel.decision.icon} ${panel.decision.label}`);
      for (const reason of panel.decision.reasons) expect(annex).toContain(`- ${reason}`);
      expect(panel.decision.reasons[0]).toContain('« Partiellement maîtrisée », en dessous du niveau requis « Maîtrisée »');
      for (const criterion of panel.criteria) {
        const status = criterion.level === undefined ? criterion.status.label : `${criterion.status.label} : ${criterion.level}`;
        expect(annex).toContain(`| ${criterion.code ?? '—'} | ${criterion.label} | ${status} | ${criterion.evidence} |`);
      }
      expect(panel.criteria.find((criterion) => criterion.nodeId === keys[0]!.id)?.status.label).toBe('Évalué · non atteint');
      for (const item of panel.toComplete) expect(annex).toContain(item.message);
    } finally {
      content.destroy();
      review.destroy();
    }
  });
});
