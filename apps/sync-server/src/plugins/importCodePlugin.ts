import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readPluginRules, type ReferentialSource, type RegistryProblem } from '@canevas/core';
import { allowTypeScriptImports, COMPILED, compiledPluginEntry } from '../appFiles.js';
import { WORKSPACE_PLUGINS_DIR, type CodePlugin } from './discoverCodePlugins.js';
import { pluginProblem } from './pluginProblem.js';

/**
 * The module to import for a declared entry. From the sources (tsx), the entry itself. Compiled,
 * the bundle's copy of a workspace plugin, which shares the server's `@canevas/core`; a plugin the
 * bundle does not have (written since the build, or outside the workspace) is imported from its
 * TypeScript through tsx when it is installed, as in development.
 */
async function runnableEntry(plugin: CodePlugin, path: string): Promise<{ path: string } | { problem: string }> {
  if (!COMPILED) return { path };
  const compiled = compiledPluginEntry(WORKSPACE_PLUGINS_DIR, plugin.dir, path);
  if (compiled !== undefined && existsSync(compiled)) return { path: compiled };
  if (!path.endsWith('.ts') || (await allowTypeScriptImports())) return { path };
  return { problem: `${path} n’est pas compilé et tsx n’est pas installé : lancez « pnpm build:server » pour compiler les plugins de l’espace de travail` };
}

async function importEntry(plugin: CodePlugin, path: string): Promise<{ entry: Record<string, unknown> } | { problem: RegistryProblem }> {
  try {
    const runnable = await runnableEntry(plugin, path);
    if ('problem' in runnable) return { problem: pluginProblem(plugin.name, [{ path: '', message: runnable.problem }]) };
    return { entry: (await import(/* @vite-ignore */ pathToFileURL(runnable.path).href)) as Record<string, unknown> };
  } catch (error) {
    return { problem: pluginProblem(plugin.name, [{ path: '', message: `import impossible de ${path} : ${(error as Error).message}` }]) };
  }
}

/**
 * Imports a code plugin's entries. The server entry must export `referential` (the manifest made
 * with `defineReferential`). The functions behind `custom` rules come from the rules entry only
 * (`rules`, made with `defineRuleFunctions`), which the web app loads too: rules known to the
 * server alone would make the exports and the live panel disagree. A failure disables that
 * plugin only.
 */
export async function importCodePlugin(plugin: CodePlugin): Promise<{ source: ReferentialSource } | { problem: RegistryProblem }> {
  const server = await importEntry(plugin, plugin.serverEntry);
  if ('problem' in server) return server;
  const { entry } = server;
  if (entry.referential === undefined) {
    return {
      problem: pluginProblem(plugin.name, [
        { path: 'referential', message: `${plugin.serverEntry} n’exporte pas « referential » (le manifeste fait avec defineReferential)` },
      ]),
    };
  }
  if (entry.ruleFunctions !== undefined) {
    return {
      problem: pluginProblem(plugin.name, [
        {
          path: 'ruleFunctions',
          message: 'les fonctions de règle se déclarent dans l’entrée « rules » (package.json canevas.referential.rules, export « rules » fait avec defineRuleFunctions), que le navigateur charge aussi',
        },
      ]),
    };
  }
  if (plugin.rulesEntry === undefined) return { source: { origin: plugin.name, manifest: entry.referential } };

  const imported = await importEntry(plugin, plugin.rulesEntry);
  if ('problem' in imported) return imported;
  const read = readPluginRules(imported.entry);
  if ('problem' in read) return { problem: pluginProblem(plugin.name, [read.problem]) };
  const manifestId = (entry.referential as { id?: unknown }).id;
  if (read.rules.referentialId !== manifestId) {
    return {
      problem: pluginProblem(plugin.name, [
        { path: 'rules.referentialId', message: `« ${read.rules.referentialId} » ne correspond pas au référentiel du plugin (« ${String(manifestId)} »)` },
      ]),
    };
  }
  return { source: { origin: plugin.name, manifest: entry.referential, ruleFunctions: read.rules.ruleFunctions } };
}
