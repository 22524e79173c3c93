import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReferentialSource, RegistryProblem } from '@canevas/core';
import { pluginProblem } from './pluginProblem.js';

/** A manifest is data; anything this large is a mistake, not a referential. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export interface ManifestFiles {
  sources: ReferentialSource[];
  problems: RegistryProblem[];
}

/**
 * Reads every `*.json` of PLUGINS_DIR, in name order, so an organisation adds a referential by
 * dropping a file and restarting, without a build. An unreadable file disables only itself.
 */
export async function readManifestFiles(dir: string): Promise<ManifestFiles> {
  const sources: ReferentialSource[] = [];
  const problems: RegistryProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'le dossier n’existe pas' : (error as Error).message;
    problems.push(pluginProblem(dir, [{ path: '', message: `dossier de référentiels (PLUGINS_DIR) illisible : ${reason}` }]));
    return { sources, problems };
  }
  for (const name of names) {
    const file = join(dir, name);
    const read = await readManifestFile(file);
    if ('problem' in read) problems.push(read.problem);
    else sources.push(read.source);
  }
  return { sources, problems };
}

/** One JSON manifest file, for the loader and for `referential validate`. */
export async function readManifestFile(file: string): Promise<{ source: ReferentialSource } | { problem: RegistryProblem }> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_MANIFEST_BYTES) {
      return { problem: pluginProblem(file, [{ path: '', message: `fichier trop volumineux (${size} octets, ${MAX_MANIFEST_BYTES} au plus)` }]) };
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: pluginProblem(file, [{ path: '', message: `lecture impossible : ${(error as Error).message}` }]) };
  }
  try {
    return { source: { origin: file, manifest: JSON.parse(text) as unknown } };
  } catch (error) {
    return { problem: pluginProblem(file, [{ path: '', message: `JSON invalide : ${describeJsonError(text, error as Error)}` }]) };
  }
}

/** Points at the line and column, which V8 gives only as an offset in older versions. */
function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position || /line \d+/.test(error.message)) return error.message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split('\n');
  return `${error.message} (ligne ${before.length}, colonne ${before.at(-1)!.length + 1})`;
}
