import { pathToFileURL } from 'node:url';
import type { ReferentialSource, RegistryProblem, RuleFunction } from '@canevas/core';
import type { CodePlugin } from './discoverCodePlugins.js';
import { pluginProblem } from './pluginProblem.js';

/**
 * Imports a code plugin's server entry. It must export `referential` (the manifest made with
 * `defineReferential`) and may export `ruleFunctions` (name → function) for its `custom` rules.
 * A failing import disables that plugin only.
 */
export async function importCodePlugin(plugin: CodePlugin): Promise<{ source: ReferentialSource } | { problem: RegistryProblem }> {
  let entry: Record<string, unknown>;
  try {
    entry = (await import(/* @vite-ignore */ pathToFileURL(plugin.serverEntry).href)) as Record<string, unknown>;
  } catch (error) {
    return { problem: pluginProblem(plugin.name, [{ path: '', message: `import impossible de ${plugin.serverEntry} : ${(error as Error).message}` }]) };
  }
  if (entry.referential === undefined) {
    return {
      problem: pluginProblem(plugin.name, [
        { path: 'referential', message: `${plugin.serverEntry} n’exporte pas « referential » (le manifeste fait avec defineReferential)` },
      ]),
    };
  }
  const ruleFunctions = entry.ruleFunctions;
  if (ruleFunctions !== undefined) {
    const invalid =
      typeof ruleFunctions !== 'object' || ruleFunctions === null
        ? ['']
        : Object.entries(ruleFunctions).filter(([, fn]) => typeof fn !== 'function').map(([name]) => name);
    if (invalid.length > 0) {
      return {
        problem: pluginProblem(plugin.name, [
          { path: `ruleFunctions${invalid[0] ? `.${invalid[0]}` : ''}`, message: 'une fonction de règle est attendue' },
        ]),
      };
    }
  }
  return {
    source: {
      origin: plugin.name,
      manifest: entry.referential,
      ...(ruleFunctions === undefined ? {} : { ruleFunctions: ruleFunctions as Record<string, RuleFunction> }),
    },
  };
}
