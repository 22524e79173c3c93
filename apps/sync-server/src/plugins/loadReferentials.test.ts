import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { loadReferentials } from './loadReferentials.js';
import { starterManifest } from './starterManifest.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-plugins-'));
  folders.push(dir);
  return dir;
}

async function codePlugin(root: string, name: string, packageJson: object, files: Record<string, string>): Promise<void> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `@essai/plugin-${name}`, type: 'module', ...packageJson }));
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }) };
}

const discovery = { canevas: { referential: { server: './server.js' } } };

describe('loadReferentials', () => {
  it('discovers code plugins by their package.json field and registers the functions of their rules entry', async () => {
    const root = await folder();
    const manifest = { ...starterManifest('essai', 'Référentiel d’essai'), rules: [{ id: 'mots', type: 'custom', fn: 'compteMots' }] };
    await codePlugin(root, 'essai', { canevas: { referential: { server: './server.js', rules: './rules.js' } } }, {
      'server.js': `export const referential = ${JSON.stringify(manifest)};\n`,
      'rules.js': `export const rules = { referentialId: 'essai', ruleFunctions: { compteMots: () => ({ ok: true }) } };\n`,
    });
    await mkdir(join(root, 'not-a-package'));

    const { registry, problems } = await loadReferentials({ codePluginsDir: root });

    expect(problems).toEqual([]);
    expect(registry.list().map((m) => m.id)).toEqual(['essai']);
    expect(registry.origin('essai')).toBe('@essai/plugin-essai');
    expect([...registry.ruleFunctions('essai').keys()]).toEqual(['compteMots']);
    expect(registry.unresolvedCustomRules('essai')).toEqual([]);
  });

  it('disables each faulty plugin with one French log line naming it and the field, and keeps the others', async () => {
    const root = await folder();
    const manifests = await folder();
    await codePlugin(root, 'a-bon', discovery, { 'server.js': `export const referential = ${JSON.stringify(starterManifest('bon', 'Bon'))};\n` });
    await codePlugin(root, 'b-sans-champ', {}, {});
    await codePlugin(root, 'c-casse', discovery, { 'server.js': 'throw new Error("plantage au chargement");\n' });
    await codePlugin(root, 'd-evade', { canevas: { referential: { server: '../a-bon/server.js' } } }, {});
    await codePlugin(root, 'e-sans-export', discovery, { 'server.js': 'export const autre = 1;\n' });
    const withRules = { canevas: { referential: { server: './server.js', rules: './rules.js' } } };
    // Rule functions only the server would know: the live panel would disagree with the exports.
    await codePlugin(root, 'f-regles-serveur', discovery, {
      'server.js': `export const referential = ${JSON.stringify(starterManifest('regles', 'Règles'))};\nexport const ruleFunctions = { f: () => ({ ok: true }) };\n`,
    });
    await codePlugin(root, 'g-autre-id', withRules, {
      'server.js': `export const referential = ${JSON.stringify(starterManifest('autre', 'Autre'))};\n`,
      'rules.js': `export const rules = { referentialId: 'ailleurs', ruleFunctions: {} };\n`,
    });
    await codePlugin(root, 'h-regles-absentes', withRules, { 'server.js': `export const referential = ${JSON.stringify(starterManifest('h', 'H'))};\n` });
    await writeFile(join(manifests, 'a-doublon.json'), JSON.stringify(starterManifest('bon', 'Doublon')));
    await writeFile(join(manifests, 'b-json.json'), '{ "id": "casse", ');
    const badField = starterManifest('champ', 'Champ');
    await writeFile(join(manifests, 'c-champ.json'), JSON.stringify({ ...badField, kind: 'diplome' }));
    await writeFile(join(manifests, 'd-coeur.json'), JSON.stringify({ ...starterManifest('futur', 'Futur'), coreApi: '^9.0.0' }));
    await writeFile(join(manifests, 'e-ok.json'), JSON.stringify(starterManifest('ok', 'Valide')));
    await writeFile(join(manifests, 'notes.txt'), 'ignoré');
    const { lines, logger } = capture();

    const { registry, problems } = await loadReferentials({ codePluginsDir: root, manifestsDir: manifests, logger });

    expect(registry.list().map((m) => m.id)).toEqual(['bon', 'ok']);
    const disabled = lines.filter((line) => line.event === 'referential.disabled');
    expect(disabled).toHaveLength(11);
    expect(problems).toHaveLength(11);
    const messageOf = (origin: string) => problems.find((p) => p.origin.endsWith(origin))?.message;
    expect(messageOf('@essai/plugin-b-sans-champ')).toContain('package.json canevas.referential.server : champ absent');
    expect(messageOf('@essai/plugin-c-casse')).toContain('plantage au chargement');
    expect(messageOf('@essai/plugin-d-evade')).toContain('doit être un chemin relatif à l’intérieur du plugin');
    expect(messageOf('@essai/plugin-e-sans-export')).toContain('referential : ');
    expect(messageOf('@essai/plugin-f-regles-serveur')).toContain('ruleFunctions : les fonctions de règle se déclarent dans l’entrée « rules »');
    expect(messageOf('@essai/plugin-g-autre-id')).toContain('rules.referentialId : « ailleurs » ne correspond pas au référentiel du plugin (« autre »)');
    expect(messageOf('@essai/plugin-h-regles-absentes')).toContain('package.json canevas.referential.rules : le fichier « ./rules.js » n’existe pas');
    expect(messageOf('a-doublon.json')).toMatch(/« bon » \(.*a-doublon\.json\) est désactivé : id : l’identifiant « bon » est déjà pris par @essai\/plugin-a-bon/);
    expect(messageOf('b-json.json')).toContain('JSON invalide');
    expect(messageOf('c-champ.json')).toContain('kind : ');
    expect(messageOf('d-coeur.json')).toContain('coreApi : ');
    for (const line of disabled) expect(line.level).toBe('error');
    expect(lines.find((line) => line.event === 'referentials.loaded')).toMatchObject({ enabled: ['bon@0.1.0', 'ok@0.1.0'], disabled: 11 });
  });

  it('reports a missing PLUGINS_DIR and warns about custom rules without a function', async () => {
    const manifests = await folder();
    const manifest = { ...starterManifest('orphelin', 'Orphelin'), rules: [{ id: 'maison', type: 'custom', fn: 'inconnue' }] };
    await writeFile(join(manifests, 'orphelin.json'), JSON.stringify(manifest));
    const { lines, logger } = capture();

    const loaded = await loadReferentials({ codePluginsDir: null, manifestsDir: manifests, logger });
    expect(loaded.registry.get('orphelin')).toBeDefined();
    expect(lines.find((line) => line.event === 'referential.rule_without_function')?.message).toContain('« inconnue »');

    const missing = await loadReferentials({ codePluginsDir: null, manifestsDir: join(manifests, 'absent') });
    expect(missing.problems[0]?.message).toContain('le dossier n’existe pas');
  });
});
