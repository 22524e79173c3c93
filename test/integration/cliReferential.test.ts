import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCanevas, workspaceReferentials } from '../helpers/index.js';

const CORE = fileURLToPath(new URL('../../packages/core', import.meta.url));

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'canevas-cli-ref-'));
  folders.push(dir);
  return dir;
}

describe('pnpm canevas referential', () => {
  it('export tzcld prints the complete manifest, as registered', async () => {
    const result = await runCanevas(['referential', 'export', 'tzcld']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual((await workspaceReferentials()).registry.get('tzcld'));

    const unknown = await runCanevas(['referential', 'export', 'inconnu']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Référentiel introuvable : « inconnu ». Référentiels activés : anpe, cefi, codev, pdie, tzcld.');
  });

  it('validate names the faulty fields and exits 1; list shows enabled and disabled referentials', async () => {
    const dir = await folder();
    const exported = JSON.parse((await runCanevas(['referential', 'export', 'codev'])).stdout) as { id: string; nodes: { parent?: string }[] };
    exported.id = 'codev-local';
    exported.nodes[1]!.parent = 'bloc-disparu';
    await writeFile(join(dir, 'codev-local.json'), JSON.stringify(exported));

    const invalid = await runCanevas(['referential', 'validate', join(dir, 'codev-local.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Manifeste invalide : « codev-local »');
    expect(invalid.stderr).toContain('  - nodes[1].parent : le parent « bloc-disparu » n’existe pas');

    const listed = await runCanevas(['referential', 'list', '--plugins', dir]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^tzcld\s+1\.0\.0\s+@canevas\/plugin-tzcld\s+Développer un projet/m);
    expect(listed.stdout).toContain('Désactivé (1) :');
    expect(listed.stdout).toContain('nodes[1].parent : le parent « bloc-disparu » n’existe pas');
  });

  it('new scaffolds a JSON manifest and a code plugin that validate, and refuses an existing id', async () => {
    const dir = await folder();
    const json = await runCanevas(['referential', 'new', 'cip', '--json', dir, '--title', 'Conseiller en insertion professionnelle']);
    expect(json.code).toBe(0);
    const file = join(dir, 'cip.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ id: 'cip', title: 'Conseiller en insertion professionnelle' });
    const jsonValid = await runCanevas(['referential', 'validate', file]);
    expect(jsonValid.stdout).toContain('Manifeste valide : « cip » 0.1.0 — Conseiller en insertion professionnelle');
    expect(jsonValid.code).toBe(0);

    const root = join(dir, 'plugins');
    const code = await runCanevas(['referential', 'new', 'cip', '--dir', root]);
    expect(code.code).toBe(0);
    const plugin = join(root, 'cip');
    expect(JSON.parse(await readFile(join(plugin, 'package.json'), 'utf8'))).toMatchObject({
      name: '@canevas/plugin-cip',
      canevas: { referential: { server: './src/server.ts' } },
    });
    expect(await readFile(join(plugin, 'src/index.ts'), 'utf8')).toContain('defineReferential(');
    // What `pnpm install` does for a workspace package: link its dependency on the core.
    await mkdir(join(plugin, 'node_modules/@canevas'), { recursive: true });
    await symlink(CORE, join(plugin, 'node_modules/@canevas/core'), 'dir');
    const codeValid = await runCanevas(['referential', 'validate', plugin]);
    expect(codeValid.stdout).toContain('Manifeste valide : « cip » 0.1.0 — Référentiel cip');
    expect(codeValid.code).toBe(0);

    const taken = await runCanevas(['referential', 'new', 'tzcld', '--dir', root]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Le référentiel « tzcld » existe déjà (@canevas/plugin-tzcld).');
    expect(existsSync(join(root, 'tzcld'))).toBe(false);
  });
});
