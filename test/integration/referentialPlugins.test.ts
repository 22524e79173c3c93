import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { yDocToProseMirrorJSON, type ProseMirrorJSON } from '@canevas/core';
import type { ReferentialManifestInput } from '@canevas/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReferentials } from '@canevas/sync-server';
import {
  addMember,
  newClient,
  newDataDir,
  newServer,
  newTrpcClient,
  spawnServer,
  workspaceReferentials,
  type ServerProcess,
  type TestClient,
  type TestServer,
  waitFor,
} from '../helpers/index.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A small referential an organisation could write by hand and drop into PLUGINS_DIR. */
const mission: ReferentialManifestInput = {
  id: 'mission-locale',
  version: '1.2.0',
  coreApi: '^1.0.0',
  title: 'Accompagnement des jeunes en mission locale',
  kind: 'internal_validation',
  source: { document: 'Référentiel interne de la mission locale des Hauts de Garonne' },
  scales: [{ id: 'maitrise', label: 'Maîtrise', levels: [{ id: 'non', label: 'Non maîtrisé' }, { id: 'oui', label: 'Maîtrisé', proficient: true }] }],
  nodes: [
    { id: 'accueil', code: 'C1', type: 'competency', label: 'Accueillir un jeune et poser le premier diagnostic', order: 0 },
    { id: 'accueil-1', code: 'C1.1', type: 'criterion', label: 'Le diagnostic couvre la santé, le logement et la mobilité.', parent: 'accueil', order: 0, assessable: true, scale: 'maitrise' },
  ],
  templates: [
    {
      id: 'fiche-accueil',
      title: 'Fiche d’accueil',
      sections: [
        { id: 'situation', heading: 'Situation du jeune', nodes: ['accueil-1'] },
        { id: 'suite', heading: 'Suite donnée' },
      ],
    },
  ],
  rules: [{ id: 'situation-remplie', type: 'section_filled', template: 'fiche-accueil', section: 'situation', minWords: 40 }],
  policy: { signOff: 'tutor', decision: { type: 'all_assessable_proficient' } },
};

async function pluginsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-manifests-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

function sections(json: ProseMirrorJSON): { sectionId: unknown; heading: string }[] {
  return (json.content ?? [])
    .filter((node) => node.type === 'heading')
    .map((node) => ({ sectionId: node.attrs?.sectionId, heading: (node.content ?? []).map((text) => text.text).join('') }));
}

async function syncedContent(syncUrl: string, id: string): Promise<ProseMirrorJSON> {
  const client: TestClient = newClient(syncUrl, id);
  cleanups.push(() => client.destroy());
  await client.synced;
  return yDocToProseMirrorJSON(client.doc);
}

describe('referential plugins', () => {
  it('shows server paths only to the administrator: others see a manifest’s file name and no problems', async () => {
    const dir = await pluginsDir({ 'mission-locale.json': JSON.stringify(mission), 'cassé.json': '{ "id": ' });
    const referentials = await loadReferentials({ codePluginsDir: null, manifestsDir: dir });
    const server: TestServer = await newServer({ referentials });
    cleanups.push(() => server.dispose());
    const viewer = await addMember(server.accounts, server.admin.workspaceId, 'viewer', 'Lecteur');
    const asViewer = newTrpcClient(server.url, { token: viewer.token });

    const seen = await asViewer.referentials.list.query();
    expect(seen.map((summary) => summary.origin)).toEqual(['mission-locale.json']);
    expect(JSON.stringify(seen)).not.toContain(dir);
    await expect(asViewer.referentials.problems.query()).rejects.toThrow('Réservé à l’administrateur de l’instance.');

    const admin = newTrpcClient(server.url);
    expect((await admin.referentials.list.query()).map((summary) => summary.origin)).toEqual([join(dir, 'mission-locale.json')]);
    expect((await admin.referentials.problems.query()).map((problem) => problem.origin)).toEqual([join(dir, 'cassé.json')]);
  });

  it('a broken manifest in PLUGINS_DIR is logged and listed clearly; the other plugins and the app keep working', async () => {
    const tzcld = (await workspaceReferentials()).registry.get('tzcld')!;
    const dir = await pluginsDir({
      'cassé.json': '{ "id": "casse", "title": "Oubli de virgule" "version": "1.0.0" }',
      'champ.json': JSON.stringify({ ...mission, id: 'champ', nodes: [{ ...mission.nodes[0], type: 'chapitre' }, mission.nodes[1]] }),
      'copie-tzcld.json': JSON.stringify({ ...tzcld, title: 'Copie de TZCLD' }),
      'mission-locale.json': JSON.stringify(mission),
    });
    const dataDir = await newDataDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await spawnServer(dataDir, ['--plugins', dir]);
    cleanups.push(() => stop(server));
    const api = newTrpcClient(server.url);
    // stderr is another pipe than the stdout line that announced the URL.
    await waitFor(() => server.stderr.some((line) => line.includes('"referentials.loaded"')));

    const disabled = server.stderr.map((line) => JSON.parse(line) as Record<string, string>).filter((line) => line.event === 'referential.disabled');
    expect(disabled.map((line) => line.message)).toEqual([
      expect.stringMatching(/^Le référentiel de .*cassé\.json est désactivé : JSON invalide : .*/),
      expect.stringMatching(/^Le référentiel « champ » \(.*champ\.json\) est désactivé : nodes\[0\]\.type : /),
      expect.stringMatching(/^Le référentiel « tzcld » \(.*copie-tzcld\.json\) est désactivé : id : l’identifiant « tzcld » est déjà pris par @canevas\/plugin-tzcld$/),
    ]);

    const problems = await api.referentials.problems.query();
    expect(problems.map((problem) => [problem.origin.split('/').at(-1), problem.referentialId, problem.errors.map((e) => e.path)])).toEqual([
      ['cassé.json', undefined, ['']],
      ['champ.json', 'champ', ['nodes[0].type']],
      ['copie-tzcld.json', 'tzcld', ['id']],
    ]);
    const list = await api.referentials.list.query();
    expect(list.map((summary) => summary.id).sort()).toEqual(['anpe', 'cefi', 'codev', 'mission-locale', 'pdie', 'tzcld']);
    expect(list.find((summary) => summary.id === 'tzcld')).toMatchObject({ title: tzcld.title, origin: '@canevas/plugin-tzcld' });
    expect((await api.referentials.get.query({ id: 'tzcld' })).title).toBe(tzcld.title);

    // The manifest dropped in the folder works like any other: a document from its template.
    expect(list.find((summary) => summary.id === 'mission-locale')).toMatchObject({
      version: '1.2.0',
      kind: 'internal_validation',
      origin: join(dir, 'mission-locale.json'),
      templates: [{ id: 'fiche-accueil', title: 'Fiche d’accueil' }],
    });
    const { id } = await api.documents.create.mutate({ title: 'Accueil de Yanis', referentialId: 'mission-locale', templateId: 'fiche-accueil' });
    expect(sections(await syncedContent(server.syncUrl, id))).toEqual([
      { sectionId: 'situation', heading: 'Situation du jeune' },
      { sectionId: 'suite', heading: 'Suite donnée' },
    ]);
    await expect(api.documents.create.mutate({ title: 'Refusé', referentialId: 'champ', templateId: 'fiche-accueil' })).rejects.toThrow(
      'Référentiel inconnu : « champ ».',
    );
  });

  it('creating from the TZCLD plan d’actions template gives its sections and its action table', async () => {
    const referentials = await workspaceReferentials();
    const server: TestServer = await newServer({ referentials });
    cleanups.push(() => server.dispose());
    const api = newTrpcClient(server.url);

    const { id } = await api.documents.create.mutate({ title: 'Plan d’actions 2026', referentialId: 'tzcld', templateId: 'plan-actions' });
    const content = await syncedContent(server.syncUrl, id);

    const template = referentials.registry.template('tzcld', 'plan-actions')!;
    expect(sections(content)).toEqual(template.sections.map((section) => ({ sectionId: section.id, heading: section.heading })));
    const table = content.content?.find((node) => node.type === 'typedTable');
    expect(table?.attrs).toMatchObject({ kind: 'action_plan', sectionId: 'actions' });
    expect((table?.attrs?.columns as { id: string }[]).map((column) => column.id)).toEqual([
      'action', 'phase', 'responsable', 'debut', 'echeance', 'statut', 'indicateur',
    ]);
    expect(await api.documents.get.query({ id })).toMatchObject({ referentialId: 'tzcld', templateId: 'plan-actions' });

    expect(await api.referentials.get.query({ id: 'tzcld' })).toEqual(referentials.registry.get('tzcld'));
    const titles = (await api.referentials.list.query()).map((summary) => summary.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'fr')));
    await expect(api.referentials.get.query({ id: 'inconnu' })).rejects.toThrow('Référentiel introuvable : « inconnu ».');
    await expect(api.documents.create.mutate({ title: 'x', referentialId: 'tzcld', templateId: 'inconnu' })).rejects.toThrow(
      'Modèle inconnu : « inconnu » dans le référentiel « tzcld ».',
    );
  });
});
