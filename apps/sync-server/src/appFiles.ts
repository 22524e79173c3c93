import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The server runs either from its TypeScript sources (tsx: development, the in-process tests) or
 * bundled by `scripts/buildServer.ts` into `dist/` (`pnpm start`, `pnpm canevas`, the tests that
 * spawn it; docs/adr/0013-compiled-server.md). A file found relative to the code goes through
 * here, because the bundle moves the code: every module lands in a file directly in `dist/`, whose
 * parent is, like `src/`'s, the app's folder. This module itself is always in one of the two.
 */
export const COMPILED = !import.meta.url.endsWith('.ts');

/** `apps/sync-server/`, from `src/` or from `dist/`. */
export const APP_DIR = fileURLToPath(new URL('../', import.meta.url));

/** The repository's root (the workspace). */
export const REPO_DIR = join(APP_DIR, '../..');

/** Where the bundle puts what it builds, inside the app's folder. */
export const DIST_DIR = join(APP_DIR, 'dist');

/**
 * A module that the code loads by URL (a worker's entry), given as its path under `src/`: the
 * source in development, its bundle entry (`dist/<name>.js`, a flat name) when compiled.
 */
export function moduleUrl(sourcePath: string): URL {
  const file = COMPILED ? join(DIST_DIR, `${basename(sourcePath, extname(sourcePath))}.js`) : join(APP_DIR, 'src', sourcePath);
  return pathToFileURL(file);
}

/**
 * Where the bundle puts a workspace plugin's entry (`server`, `rules`): `dist/plugins/<folder>/<name>.js`,
 * so that its third-party imports resolve from the app like the rest of the bundle. Undefined
 * for a plugin outside the workspace's plugin folder, which the bundle does not know.
 */
export function compiledPluginEntry(pluginsDir: string, pluginDir: string, entry: string): string | undefined {
  const folder = relative(pluginsDir, pluginDir);
  if (folder === '' || folder.startsWith('..') || isAbsolute(folder) || folder.includes('/')) return undefined;
  return join(DIST_DIR, 'plugins', folder, `${basename(entry, extname(entry))}.js`);
}

/**
 * The URL of tsx's ESM API (its `register()` teaches Node to import TypeScript), or undefined when
 * tsx is not installed. The compiled server needs it only for TypeScript it did not bundle: a
 * plugin written since the build (`referential new`, then `validate`), or a test's worker.
 */
export function tsxApiUrl(): string | undefined {
  try {
    // The ESM build of the API (`require.resolve` would give the CommonJS one).
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  } catch {
    return undefined;
  }
}

let typeScriptImports: Promise<boolean> | undefined;

/** Registers tsx's loader in this thread, once; false when tsx is not installed. */
export function allowTypeScriptImports(): Promise<boolean> {
  typeScriptImports ??= (async () => {
    const api = tsxApiUrl();
    if (api === undefined) return false;
    ((await import(/* @vite-ignore */ api)) as { register: () => unknown }).register();
    return true;
  })();
  return typeScriptImports;
}
