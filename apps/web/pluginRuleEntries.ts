import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The workspace's code plugins, as the server discovers them. */
export const WORKSPACE_PLUGINS_DIR = fileURLToPath(new URL('../../packages/plugins/', import.meta.url));

export const PLUGIN_RULES_MODULE = 'virtual:canevas-plugin-rules';
const RESOLVED = `\0${PLUGIN_RULES_MODULE}`;

export interface RuleEntry {
  /** The package name. */
  name: string;
  /** Absolute path of the rules entry. */
  path: string;
}

/**
 * The rules entries that code plugins declare (`"canevas": { "referential": { "rules": … } }` in
 * package.json), read the way the server reads them. The server refuses a faulty declaration
 * and then serves no manifest for it, so one skipped here never reaches a document.
 */
export function findRuleEntries(pluginsDir: string): RuleEntry[] {
  if (!existsSync(pluginsDir)) return [];
  const entries: RuleEntry[] = [];
  for (const folder of readdirSync(pluginsDir).sort()) {
    const dir = join(pluginsDir, folder);
    const packageFile = join(dir, 'package.json');
    if (!existsSync(packageFile)) continue;
    let pkg: { name?: unknown; canevas?: { referential?: { rules?: unknown } } };
    try {
      pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as typeof pkg;
    } catch {
      continue;
    }
    const declared = pkg.canevas?.referential?.rules;
    if (typeof declared !== 'string' || isAbsolute(declared)) continue;
    const path = resolve(dir, declared);
    if (relative(dir, path).startsWith('..') || !existsSync(path)) continue;
    entries.push({ name: typeof pkg.name === 'string' ? pkg.name : folder, path });
  }
  return entries;
}

/**
 * Serves `virtual:canevas-plugin-rules`: one lazy loader per plugin rules entry, so adding a
 * plugin never changes the app, and a plugin's code is fetched only when a document needs it.
 */
export function pluginRules(pluginsDir = WORKSPACE_PLUGINS_DIR): Plugin {
  return {
    name: 'canevas-plugin-rules',
    resolveId: (id) => (id === PLUGIN_RULES_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const lines = findRuleEntries(pluginsDir).map(({ name, path }) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(path)}),`);
      return `export default {\n${lines.join('\n')}\n};\n`;
    },
  };
}
