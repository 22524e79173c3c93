import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReferentialManifestInput } from '@canevas/core';
import { PLUGIN_FIELD } from '../plugins/discoverCodePlugins.js';

/** Writes `<dir>/<id>.json`, a manifest to drop into PLUGINS_DIR. */
export async function scaffoldJsonManifest(file: string, manifest: ReferentialManifestInput): Promise<void> {
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
}

/**
 * Writes a code plugin package: package.json with the discovery field, tsconfig, the manifest in
 * src/index.ts, the server entry in src/server.ts and a README. Adding the folder is enough for
 * the server to find it (after `pnpm install` links @canevas/core).
 */
export async function scaffoldCodePlugin(dir: string, manifest: ReferentialManifestInput): Promise<string[]> {
  const id = manifest.id;
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: `@canevas/plugin-${id}`,
        version: manifest.version,
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts', './server': './src/server.ts' },
        scripts: { typecheck: 'tsc -p tsconfig.json' },
        dependencies: { '@canevas/core': 'workspace:*' },
        [PLUGIN_FIELD]: { referential: { server: './src/server.ts' } },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify({ extends: '../../../tsconfig.base.json', include: ['src'] })}\n`,
    'src/index.ts': [
      "import { defineReferential } from '@canevas/core';",
      '',
      '/** The manifest: plain data, validated by the server at start (see docs/writing-a-referential.md). */',
      `export const referential = defineReferential(${toTsLiteral(manifest, 0)});`,
      '',
    ].join('\n'),
    'src/server.ts': [
      '// Found by the server through package.json "canevas.referential.server".',
      "export { referential } from './index.js';",
      '',
      '// Functions behind `custom` rules go in a rules entry that the web app loads too:',
      '// src/rules.ts, declared as "canevas.referential.rules" in package.json (see the guide).',
      '',
    ].join('\n'),
    'README.md': [
      `# @canevas/plugin-${id}`,
      '',
      `${manifest.title}.`,
      '',
      '- `src/index.ts` : le manifeste (nœuds, échelles, modalités, modèles, règles, politique).',
      '- `src/server.ts` : ce que le serveur charge (`referential`).',
      '- règles `custom` : une entrée `rules` (voir le guide), chargée par le serveur et par l’application web.',
      '',
      'Vérifier : `pnpm canevas referential validate packages/plugins/' + id + '`.',
      'Guide : `docs/writing-a-referential.md`.',
      '',
    ].join('\n'),
  };
  await mkdir(join(dir, 'src'), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content, { flag: 'wx' });
  return Object.keys(files);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Data as idiomatic TypeScript: unquoted keys, single-quoted strings, two-space indent. */
export function toTsLiteral(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${toTsLiteral(item, depth + 1)},`).join('\n')}\n${end}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => `${pad}${IDENTIFIER.test(key) ? key : toTsLiteral(key, 0)}: ${toTsLiteral(item, depth + 1)},`);
    return `{\n${lines.join('\n')}\n${end}}`;
  }
  return JSON.stringify(value);
}
