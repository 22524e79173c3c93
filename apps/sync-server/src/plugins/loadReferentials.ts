import { performance } from 'node:perf_hooks';
import { ReferentialRegistry, type ReferentialSource, type RegistryProblem } from '@canevas/core';
import { silentLogger, type Logger } from '../logger.js';
import { discoverCodePlugins, WORKSPACE_PLUGINS_DIR } from './discoverCodePlugins.js';
import { importCodePlugin } from './importCodePlugin.js';
import type { ReferentialCatalog } from './ReferentialCatalog.js';
import { readManifestFiles } from './readManifestFiles.js';

export interface LoadReferentialsOptions {
  /** Folder of code plugin packages; default the workspace's `packages/plugins`; null for none. */
  codePluginsDir?: string | null;
  /** PLUGINS_DIR: folder of JSON manifests, loaded after the code plugins. */
  manifestsDir?: string | undefined;
  logger?: Logger;
  /** The core API version to check `coreApi` against (tests); default the core's. */
  coreVersion?: string;
}

export interface LoadedReferentials extends ReferentialCatalog {
  /** Wall time of discovery, imports and validation. */
  durationMs: number;
}

/**
 * Builds the registry at start: code plugins first (by folder name), then the JSON manifests of
 * PLUGINS_DIR (by file name), so a JSON file cannot take the id of an installed plugin. Each
 * faulty plugin is disabled with one French log line naming it and the field; the others load.
 */
export async function loadReferentials(options: LoadReferentialsOptions = {}): Promise<LoadedReferentials> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const registry = new ReferentialRegistry(options.coreVersion === undefined ? {} : { coreVersion: options.coreVersion });
  const early: RegistryProblem[] = [];

  const codeDir = options.codePluginsDir === undefined ? WORKSPACE_PLUGINS_DIR : options.codePluginsDir;
  const sources: ReferentialSource[] = [];
  if (codeDir !== null) {
    const discovery = await discoverCodePlugins(codeDir);
    early.push(...discovery.problems);
    // Imported together, registered in a stable order.
    for (const imported of await Promise.all(discovery.plugins.map(importCodePlugin))) {
      if ('problem' in imported) early.push(imported.problem);
      else sources.push(imported.source);
    }
  }
  if (options.manifestsDir !== undefined) {
    const files = await readManifestFiles(options.manifestsDir);
    early.push(...files.problems);
    sources.push(...files.sources);
  }
  for (const source of sources) registry.register(source);

  const problems = [...early, ...registry.problems()];
  for (const problem of problems) {
    logger.error('referential.disabled', {
      message: problem.message,
      origin: problem.origin,
      ...(problem.referentialId === undefined ? {} : { referentialId: problem.referentialId }),
      fields: problem.errors.map((error) => error.path),
    });
  }
  for (const manifest of registry.list()) {
    for (const rule of registry.unresolvedCustomRules(manifest.id)) {
      logger.warn('referential.rule_without_function', {
        message: `La règle « ${rule.id} » du référentiel « ${manifest.id} » appelle la fonction « ${rule.fn} », qu’aucun plugin ne fournit : elle n’est pas évaluée.`,
        referentialId: manifest.id,
        rule: rule.id,
      });
    }
  }
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  logger.info('referentials.loaded', {
    enabled: registry.list().map((manifest) => `${manifest.id}@${manifest.version}`),
    disabled: problems.length,
    durationMs,
  });
  return { registry, problems, durationMs };
}
