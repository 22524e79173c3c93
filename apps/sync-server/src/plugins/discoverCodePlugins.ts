import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { RegistryProblem } from '@canevas/core';
import { REPO_DIR } from '../appFiles.js';
import { pluginProblem } from './pluginProblem.js';

/** The workspace's folder of code plugins, one package per referential. */
export const WORKSPACE_PLUGINS_DIR = `${join(REPO_DIR, 'packages/plugins')}/`;

/**
 * The package.json field that makes a package a referential plugin:
 * `"canevas": { "referential": { "server": "./src/server.ts", "rules": "./src/rules.ts" } }`.
 * The server entry exports `referential` (its manifest); the optional rules entry exports
 * `rules` (made with `defineRuleFunctions`), which the web app loads too.
 */
export const PLUGIN_FIELD = 'canevas';

export interface CodePlugin {
  /** The package name, which names the plugin in messages. */
  name: string;
  dir: string;
  /** Absolute path of the server entry. */
  serverEntry: string;
  /** Absolute path of the isomorphic rules entry, when the plugin has custom rules. */
  rulesEntry?: string;
}

export interface CodePluginDiscovery {
  plugins: CodePlugin[];
  problems: RegistryProblem[];
}

/**
 * Finds the code plugins by reading `<root>/*\/package.json`, so that adding a folder is enough:
 * neither the core nor an app lists the plugins. Sorted by folder name, so registration order
 * (and hence which of two duplicates wins) does not depend on the file system.
 */
export async function discoverCodePlugins(root: string): Promise<CodePluginDiscovery> {
  const plugins: CodePlugin[] = [];
  const problems: RegistryProblem[] = [];
  if (!existsSync(root)) return { plugins, problems };
  const folders = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const dir = join(root, folder);
    const packageFile = join(dir, 'package.json');
    if (!existsSync(packageFile)) continue;
    const found = await readCodePlugin(dir);
    if ('problem' in found) problems.push(found.problem);
    else plugins.push(found.plugin);
  }
  return { plugins, problems };
}

/** Reads one plugin folder's package.json (also for `referential validate <folder>`). */
export async function readCodePlugin(dir: string): Promise<{ plugin: CodePlugin } | { problem: RegistryProblem }> {
  const packageFile = join(dir, 'package.json');
  let pkg: unknown;
  try {
    pkg = JSON.parse(await readFile(packageFile, 'utf8'));
  } catch (error) {
    return { problem: pluginProblem(packageFile, [{ path: '', message: `package.json illisible : ${(error as Error).message}` }]) };
  }
  const name = typeof (pkg as { name?: unknown })?.name === 'string' ? (pkg as { name: string }).name : dir;
  const refuse = (path: string, message: string) => ({ problem: pluginProblem(name, [{ path: `package.json ${path}`, message }]) });
  const field = (pkg as Record<string, unknown>)[PLUGIN_FIELD] as { referential?: { server?: unknown; rules?: unknown } } | undefined;
  const server = field?.referential?.server;
  if (server === undefined) {
    return refuse(`${PLUGIN_FIELD}.referential.server`, 'champ absent : indiquez le point d’entrée serveur du plugin, par exemple « ./src/server.ts »');
  }
  const serverEntry = entryPath(dir, server, './src/server.ts');
  if ('problem' in serverEntry) return refuse(`${PLUGIN_FIELD}.referential.server`, serverEntry.problem);
  const rules = field?.referential?.rules;
  if (rules === undefined) return { plugin: { name, dir, serverEntry: serverEntry.path } };
  const rulesEntry = entryPath(dir, rules, './src/rules.ts');
  if ('problem' in rulesEntry) return refuse(`${PLUGIN_FIELD}.referential.rules`, rulesEntry.problem);
  return { plugin: { name, dir, serverEntry: serverEntry.path, rulesEntry: rulesEntry.path } };
}

/** An entry declared in package.json: a relative path to an existing file inside the plugin. */
function entryPath(dir: string, declared: unknown, example: string): { path: string } | { problem: string } {
  if (typeof declared !== 'string' || declared.trim() === '') return { problem: `chemin attendu, par exemple « ${example} »` };
  const path = resolve(dir, declared);
  const inside = relative(dir, path);
  if (isAbsolute(declared) || inside.startsWith('..') || isAbsolute(inside)) {
    return { problem: `« ${declared} » doit être un chemin relatif à l’intérieur du plugin` };
  }
  if (!existsSync(path)) return { problem: `le fichier « ${declared} » n’existe pas` };
  return { path };
}
