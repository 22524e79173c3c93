import { pathToFileURL } from 'node:url';
import { readPluginRules, type ReferentialSource, type RegistryProblem } from '@canevas/core';
import type { CodePlugin } from './discoverCodePlugins.js';
import { pluginProblem } from './pluginProblem.js';

async function importEntry(plugin: CodePlugin, path: string): Promise<{ entry: Record<string, unknown> } | { problem: RegistryProblem }> {
  try {
    return { entry: (await import(/* @vite-ignore */ pathToFileURL(path).href)) as Record<string, unknown> };
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
