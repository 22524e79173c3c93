import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ReferentialRegistry, type ReferentialSource, type RegistryProblem } from '@canevas/core';
import { WORKSPACE_PLUGINS_DIR, readCodePlugin } from '../plugins/discoverCodePlugins.js';
import { importCodePlugin } from '../plugins/importCodePlugin.js';
import { loadReferentials } from '../plugins/loadReferentials.js';
import { readManifestFile } from '../plugins/readManifestFiles.js';
import { stableIdPattern, starterManifest } from '../plugins/starterManifest.js';
import { UsageError, type Command, type CommandIO } from './Command.js';
import { parseOptions } from './parseOptions.js';
import { scaffoldCodePlugin, scaffoldJsonManifest } from './scaffoldReferential.js';

const USAGE = [
  'Usage : pnpm canevas referential list [--plugins <dossier>] [--json]',
  '        pnpm canevas referential export <id> [--plugins <dossier>]',
  '        pnpm canevas referential validate <fichier.json | dossier de plugin>',
  '        pnpm canevas referential new <id> [--title <titre>] [--json <dossier>] [--dir <dossier>]',
  '',
  '  list      les référentiels activés (id, version, titre, origine) et ceux désactivés, avec la raison',
  '  export    le manifeste complet, validé, en JSON sur la sortie standard',
  '  validate  vérifie un manifeste JSON ou un plugin de code ; code 1 et erreurs en français s’il est invalide',
  '  new       crée un plugin de code dans packages/plugins/<id> (ou dans --dir),',
  '            ou avec --json <dossier> un manifeste JSON <dossier>/<id>.json à déposer dans PLUGINS_DIR',
  '',
  'Les plugins de code viennent de packages/plugins ; les manifestes JSON de --plugins, sinon de PLUGINS_DIR.',
].join('\n');

export const referentialCommand: Command = {
  name: 'referential',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'list') return list(rest, io);
    if (sub === 'export') return exportManifest(rest, io);
    if (sub === 'validate') return validate(rest, io);
    if (sub === 'new') return scaffold(rest, io);
    throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
  },
};

function manifestsDirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const dir = flag ?? env.PLUGINS_DIR;
  return dir ? resolve(dir) : undefined;
}

async function list(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { plugins: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`Argument inattendu : ${positionals[0]}`);
  const { registry, problems } = await loadReferentials({ manifestsDir: manifestsDirOf(values.plugins, io.env) });
  const enabled = registry.list().map((manifest) => ({
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    origin: registry.origin(manifest.id) ?? '',
  }));
  if (values.json) {
    io.stdout(`${JSON.stringify({ enabled, disabled: problems }, null, 2)}\n`);
    return 0;
  }
  if (enabled.length === 0) io.stdout('Aucun référentiel activé.\n');
  else io.stdout(formatTable([['IDENTIFIANT', 'VERSION', 'ORIGINE', 'TITRE'], ...enabled.map((r) => [r.id, r.version, r.origin, r.title])]));
  if (problems.length > 0) {
    io.stdout(`\nDésactivé${problems.length > 1 ? 's' : ''} (${problems.length}) :\n`);
    for (const problem of problems) io.stdout(`  - ${problem.message}\n`);
  }
  return 0;
}

async function exportManifest(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { plugins: { type: 'string' } });
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('Indiquez l’identifiant du référentiel à exporter.');
  if (extra !== undefined) throw new UsageError(`Argument inattendu : ${extra}`);
  const { registry, problems } = await loadReferentials({ manifestsDir: manifestsDirOf(values.plugins, io.env) });
  const manifest = registry.get(id);
  if (manifest) {
    io.stdout(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  }
  const disabled = problems.find((problem) => problem.referentialId === id);
  if (disabled) {
    io.stderr(`${disabled.message}\n`);
  } else {
    const known = registry.list().map((m) => m.id).join(', ') || 'aucun';
    io.stderr(`Référentiel introuvable : « ${id} ». Référentiels activés : ${known}.\n`);
  }
  return 1;
}

async function validate(argv: string[], io: CommandIO): Promise<number> {
  const { positionals } = parseOptions(argv, {});
  const [target, extra] = positionals;
  if (target === undefined) throw new UsageError('Indiquez le fichier JSON ou le dossier du plugin à vérifier.');
  if (extra !== undefined) throw new UsageError(`Argument inattendu : ${extra}`);
  const path = resolve(target);
  if (!existsSync(path)) {
    io.stderr(`Fichier introuvable : ${target}\n`);
    return 1;
  }
  const read = statSync(path).isDirectory() ? await readPluginFolder(path) : await readManifestFile(path);
  if ('problem' in read) return reportInvalid(read.problem, io);
  const registry = new ReferentialRegistry();
  const result = registry.register(read.source);
  if (!result.ok) return reportInvalid(result.problem, io);
  const { manifest } = result;
  io.stdout(
    `Manifeste valide : « ${manifest.id} » ${manifest.version} — ${manifest.title}\n` +
      `  ${count(manifest.nodes.length, 'nœud')}, ${count(manifest.templates.length, 'modèle')}, ${count(manifest.rules.length, 'règle')}.\n`,
  );
  for (const rule of registry.unresolvedCustomRules(manifest.id)) {
    io.stdout(`  Attention : la règle « ${rule.id} » appelle la fonction « ${rule.fn} », qu’aucun plugin ne fournit ; elle ne sera pas évaluée.\n`);
  }
  return 0;
}

async function readPluginFolder(dir: string): Promise<{ source: ReferentialSource } | { problem: RegistryProblem }> {
  const found = await readCodePlugin(dir);
  return 'problem' in found ? found : importCodePlugin(found.plugin);
}

function reportInvalid(problem: RegistryProblem, io: CommandIO): number {
  const who = problem.referentialId === undefined ? problem.origin : `« ${problem.referentialId} » (${problem.origin})`;
  io.stderr(`Manifeste invalide : ${who}\n`);
  for (const error of problem.errors) io.stderr(`  - ${error.path ? `${error.path} : ` : ''}${error.message}\n`);
  return 1;
}

async function scaffold(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    title: { type: 'string' },
    json: { type: 'string' },
    dir: { type: 'string' },
    plugins: { type: 'string' },
  });
  const [id, extra] = positionals;
  if (id === undefined) throw new UsageError('Indiquez l’identifiant du nouveau référentiel, par exemple « cip ».');
  if (extra !== undefined) throw new UsageError(`Argument inattendu : ${extra}`);
  if (!stableIdPattern.test(id)) {
    io.stderr(`Identifiant invalide : « ${id} ». Minuscules, chiffres, « . », « _ » ou « - », 64 caractères au plus, en commençant par une lettre ou un chiffre.\n`);
    return 1;
  }
  if (values.json !== undefined && values.dir !== undefined) throw new UsageError('--json et --dir s’excluent : choisissez un manifeste JSON ou un plugin de code.');
  const title = values.title?.trim() || `Référentiel ${id}`;

  const { registry, problems } = await loadReferentials({ manifestsDir: manifestsDirOf(values.plugins, io.env) });
  const taken = registry.origin(id) ?? problems.find((problem) => problem.referentialId === id)?.origin;
  if (taken !== undefined) {
    io.stderr(`Le référentiel « ${id} » existe déjà (${taken}). Choisissez un autre identifiant.\n`);
    return 1;
  }
  const manifest = starterManifest(id, title);

  if (values.json !== undefined) {
    const file = resolve(values.json, `${id}.json`);
    if (existsSync(file)) {
      io.stderr(`Le fichier ${file} existe déjà.\n`);
      return 1;
    }
    await scaffoldJsonManifest(file, manifest);
    io.stdout(
      [
        `Manifeste créé : ${file}`,
        '',
        'Étapes suivantes :',
        `  1. complétez-le (guide : docs/writing-a-referential.md) ;`,
        `  2. pnpm canevas referential validate ${file}`,
        '  3. déposez-le dans PLUGINS_DIR et redémarrez le serveur : il est chargé sans reconstruction.',
        '',
      ].join('\n'),
    );
    return 0;
  }

  const dir = resolve(values.dir ?? WORKSPACE_PLUGINS_DIR, id);
  if (existsSync(dir)) {
    io.stderr(`Le dossier ${dir} existe déjà.\n`);
    return 1;
  }
  const files = await scaffoldCodePlugin(dir, manifest);
  const fromHere = relative(process.cwd(), dir);
  const shown = fromHere === '' || fromHere.startsWith('..') ? dir : fromHere;
  io.stdout(
    [
      `Plugin créé : ${shown} (@canevas/plugin-${id})`,
      ...files.map((file) => `  ${file}`),
      '',
      'Étapes suivantes :',
      '  1. pnpm install   (relie le plugin à @canevas/core)',
      `  2. complétez ${shown}/src/index.ts (guide : docs/writing-a-referential.md) ;`,
      `  3. pnpm canevas referential validate ${shown}`,
      '  4. redémarrez le serveur : le plugin est découvert sans rien changer au cœur ni aux applications.',
      '',
    ].join('\n'),
  );
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n > 1 ? 's' : ''}`;
}

function formatTable(rows: string[][]): string {
  const columns = rows[0]!.length;
  const widths = Array.from({ length: columns - 1 }, (_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return `${rows.map((row) => row.map((cell, column) => (column < columns - 1 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n')}\n`;
}
