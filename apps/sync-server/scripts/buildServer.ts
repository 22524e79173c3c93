// Bundles the server, the CLI, the render worker and the workspace's code plugins into
// apps/sync-server/dist/ with esbuild, so that production runs plain `node` (docs/adr/0013-compiled-server.md).
// `pnpm build:server`; `pnpm start`, `pnpm canevas` (bin/canevas.mjs, when a source is newer) and
// the integration tests' global setup run it too. About a second: it always rebuilds, rewrites
// only the files whose bytes changed (through a rename) and keeps an earlier build's files for a
// day, so a run beside a server already started from dist/ does not pull a file from under it.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { APP_DIR, DIST_DIR, compiledPluginEntry } from '../src/appFiles.js';
import { discoverCodePlugins, WORKSPACE_PLUGINS_DIR } from '../src/plugins/discoverCodePlugins.js';

/** The bundle's entries besides the plugins: flat names in dist/ (see `moduleUrl`). */
const APP_ENTRIES: Record<string, string> = {
  cli: 'src/cli.ts',
  index: 'src/index.ts',
  renderWorkerThread: 'src/export/renderWorkerThread.ts',
};

/** Written last by every build; `bin/canevas.mjs` rebuilds when a source is newer than it. */
export const BUILD_STAMP = join(DIST_DIR, 'build-stamp.json');

export interface BuildReport {
  /** Files the build produced (code and source maps). */
  files: number;
  /** Of which, changed since the previous build. */
  written: number;
  /** Files of an earlier build, removed (a day after they stopped being built). */
  removed: number;
  ms: number;
}

export async function buildServer(): Promise<BuildReport> {
  const started = performance.now();
  const entryPoints: Record<string, string> = {};
  for (const [name, source] of Object.entries(APP_ENTRIES)) entryPoints[name] = join(APP_DIR, source);
  // The same discovery as the server's: a plugin it would refuse is left out, and refused at start.
  const { plugins } = await discoverCodePlugins(WORKSPACE_PLUGINS_DIR);
  for (const plugin of plugins) {
    for (const entry of [plugin.serverEntry, plugin.rulesEntry]) {
      const out = entry === undefined ? undefined : compiledPluginEntry(WORKSPACE_PLUGINS_DIR, plugin.dir, entry);
      if (entry !== undefined && out !== undefined) entryPoints[relative(DIST_DIR, out).replace(/\.js$/, '')] = entry;
    }
  }
  const result = await build({
    entryPoints,
    outdir: DIST_DIR,
    bundle: true,
    // Shared code in chunks: the plugins get the server's one `@canevas/core`, and a module that
    // the code imports dynamically (exports, backups, the CLI's commands) loads on first use.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // The maps point at the sources on disk; embedding them would only grow what Node reads.
    sourcesContent: false,
    plugins: [serverDependenciesStayExternal()],
    write: false,
    logLevel: 'warning',
  });

  const wanted = new Set<string>();
  let written = 0;
  for (const file of result.outputFiles) {
    wanted.add(file.path);
    const current = existsSync(file.path) ? await readFile(file.path) : undefined;
    if (current?.equals(file.contents)) continue;
    await mkdir(dirname(file.path), { recursive: true });
    // Renamed into place: a process starting meanwhile reads the old file or the new, never half of one.
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
    written++;
  }
  // A file of an earlier build goes once it is a day old: a process started from that build (a
  // test's server while the next run builds, a server during a deploy) may still import one of
  // its chunks on first use.
  let removed = 0;
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const path of await filesUnder(DIST_DIR)) {
    if (wanted.has(path) || path === BUILD_STAMP || (await stat(path)).mtimeMs > dayAgo) continue;
    await rm(path, { force: true });
    removed++;
  }
  const report = { files: wanted.size, written, removed, ms: Math.round(performance.now() - started) };
  await writeFile(BUILD_STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), ...report })}\n`);
  return report;
}

/**
 * Third-party packages the server depends on stay `import`s of node_modules: one copy of Yjs for
 * the server and every plugin, native better-sqlite3 untouched, nothing loaded before it is
 * imported. What the server cannot resolve from its own folder is bundled: the workspace's
 * `@canevas/*` sources, and the core's own dependencies (TipTap, semver), which would not resolve
 * from dist/ under pnpm's strict layout.
 */
function serverDependenciesStayExternal(): Plugin {
  const fromApp = Symbol('resolving from the app');
  return {
    name: 'server-dependencies-stay-external',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { external: true };
        if (args.pluginData === fromApp || args.path.startsWith('@canevas/')) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: APP_DIR, pluginData: fromApp });
        return resolved.errors.length === 0 ? { external: true } : undefined;
      });
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await buildServer();
  process.stderr.write(`dist/ du serveur : ${report.files} fichiers, ${report.written} réécrits, ${report.removed} retirés, en ${report.ms} ms\n`);
}
