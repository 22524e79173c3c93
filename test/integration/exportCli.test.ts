import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServer, newTrpcClient, runCanevas, workspaceReferentials, type TestServer } from '../helpers/index.js';
import { projectContent, scratchDir, writeContent } from './exportFixture.js';

let server: TestServer;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let projectId: string;

beforeAll(async () => {
  server = await newServer({ referentials: await workspaceReferentials() });
  scratch = await scratchDir();
  const api = newTrpcClient(server.url);
  projectId = (await api.documents.create.mutate({ title: 'Budget « Cœur de Loire »', referentialId: 'tzcld' })).id;
  await api.documents.create.mutate({ title: 'Plan de communication' });
  (await writeContent(server, projectId, projectContent())).destroy();
});

afterAll(async () => {
  await server?.dispose();
  await scratch?.dispose();
});

describe('pnpm canevas doc export', () => {
  it('writes a Word document while the server runs', async () => {
    const out = join(scratch.dir, 'budget.docx');
    const result = await runCanevas(['doc', 'export', projectId, '--format', 'docx', '--out', out, '--data', server.dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Fichier Word \(DOCX\) écrit : .*budget\.docx \(\d+(,\d)? Kio, [\d,]+ s\)\n$/);
    const html = (await mammoth.convertToHtml({ path: out })).value;
    expect(html).toContain('<h1>Présentation du projet</h1>');
    expect(html).toContain('<strong>Total des charges</strong>');
  });

  it('exports the dossier with its progress on stderr, and works with the server stopped', async () => {
    await server.close();
    const out = join(scratch.dir, 'dossier.md');
    const result = await runCanevas(['doc', 'export', '--all', '--format', 'md', '--out', out, '--title', 'Dossier TZCLD'], {
      env: { DATA_DIR: server.dataDir },
    });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      '[0/3] Lecture de « Budget « Cœur de Loire » » (1 sur 2)',
      '[1/3] Lecture de « Plan de communication » (2 sur 2)',
      '[2/3] Mise en page du fichier Markdown',
      '[3/3] Terminé',
    ]);
    const markdown = await readFile(out, 'utf8');
    expect(markdown).toMatch(/^# Dossier TZCLD\n/);
    expect(markdown).toContain('\n## Budget « Cœur de Loire »\n');
    expect(markdown).toContain('\n### Présentation du projet\n');
    expect(markdown).toContain('\n## Plan de communication\n');
    // The CLI loads the referentials as `serve` does: the dossier has its completeness annex.
    expect(markdown).toContain('\n## Annexe — Complétude du dossier\n');
    expect(markdown).toContain('**Référentiel :** TZCLD — coopération territoriale');
  });

  it('rejects bad input with exit code 2 and a French message, leaving no file behind', async () => {
    const out = join(scratch.dir, 'refus.pdf');
    const data = ['--data', server.dataDir];

    const format = await runCanevas(['doc', 'export', projectId, '--format', 'odt', '--out', out, ...data]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Format inconnu : « odt ». Formats possibles : docx, pdf, md.');

    const folder = join(scratch.dir, 'absent', 'sous-dossier');
    const unwritable = await runCanevas(['doc', 'export', projectId, '--format', 'pdf', '--out', join(folder, 'x.pdf'), ...data]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain(`Impossible d’écrire x.pdf : le dossier ${folder} n’existe pas ou n’est pas accessible en écriture.`);

    // An existing file is only replaced by a complete export.
    await expect(stat(out)).rejects.toThrow();
    await writeFile(out, 'ancien');
    const unknown = await runCanevas(['doc', 'export', 'inconnu', '--format', 'pdf', '--out', out, ...data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Document introuvable : « inconnu ».');
    expect(await readFile(out, 'utf8')).toBe('ancien');
  });
});
