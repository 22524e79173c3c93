import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMPILED, DIST_DIR } from './appFiles.js';

/** Each bundle file's map, read on the first stack that passes through it (null: none readable). */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/** `file:line:column` of a frame in the bundle, as in the TypeScript source; undefined elsewhere. */
function originalLocation(frame: NodeJS.CallSite, distUrl: string): { bundled: string; original: string } | undefined {
  const url = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!url?.startsWith(distUrl) || line === null || column === null) return undefined;
  const file = fileURLToPath(url);
  const entry = mapOf(file)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return undefined;
  const source = resolve(dirname(file), entry.originalSource);
  return { bundled: `${url}:${line}:${column}`, original: `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}` };
}

/**
 * Stack traces of the compiled server point at the TypeScript sources (`src/…/x.ts:line:col`).
 * Node's `--enable-source-maps` would do it, but Node 20 then reads and parses the map of every
 * module at load, node_modules' included: 35 MiB more at rest and 0.7 s more CPU to start
 * (docs/adr/0013-compiled-server.md). Here only the bundle's own maps are read, on the first
 * stack trace that needs each. From the sources (tsx, tests), nothing to do.
 */
let installed = false;

export function mapCompiledStackTraces(): void {
  if (!COMPILED || installed) return;
  installed = true;
  const distUrl = pathToFileURL(DIST_DIR).href;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
    let header: string;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = '<erreur illisible>';
    }
    const lines = frames.map((frame) => {
      const text = frame.toString();
      const location = originalLocation(frame, distUrl);
      return `    at ${location ? text.replace(location.bundled, location.original) : text}`;
    });
    return [header, ...lines].join('\n');
  };
}
